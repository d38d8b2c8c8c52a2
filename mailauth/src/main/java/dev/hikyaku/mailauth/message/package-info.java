/** Reading the parts of a message that authentication needs: the author addresses. */
package dev.hikyaku.mailauth.message;
