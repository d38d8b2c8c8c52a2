/** IP rules: the identity module's published API for allowed networks and their refusals. */
@NamedInterface("network")
package dev.hikyaku.identity.network;

import org.springframework.modulith.NamedInterface;
