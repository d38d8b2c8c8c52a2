/** Accounts: the identity module's published API for account administration and setup links. */
@NamedInterface("users")
package dev.hikyaku.identity.users;

import org.springframework.modulith.NamedInterface;
