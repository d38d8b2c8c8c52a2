package dev.hikyaku.e2e.postfix;

import java.nio.file.Path;

/**
 * The main.cf and master.cf of a {@link PostfixInstance}: only what a loopback MX for one virtual
 * mailbox domain needs, nothing that would reach beyond 127.0.0.1 or the instance's directory.
 */
final class PostfixConfig {

  /** The uid and gid of nobody/nogroup: virtual(8) writes the Maildirs as this user. */
  private static final int MAILBOX_OWNER = 65534;

  private PostfixConfig() {}

  static String mainCf(Path dir, String domain) {
    String conf = dir.resolve("conf").toString();
    return """
    compatibility_level = 3.6
    queue_directory = %1$s/queue
    data_directory = %1$s/data
    mail_owner = postfix
    setgid_group = postdrop
    inet_interfaces = 127.0.0.1
    inet_protocols = ipv4
    myhostname = mx.%2$s
    mydestination =
    mynetworks = 127.0.0.0/8
    relay_domains =
    alias_maps =
    alias_database =
    # Without syslog in a sandbox: Postfix writes its log here (postlogd).
    maillog_file = %1$s/maillog
    maillog_file_prefixes = %1$s
    # Nothing leaves this instance: no DNS, no outbound SMTP.
    smtp_dns_support_level = disabled
    disable_dns_lookups = yes
    smtpd_tls_security_level = may
    smtpd_tls_cert_file = %3$s/cert.pem
    smtpd_tls_key_file = %3$s/key.pem
    # Puts "(using TLSv1.3 with cipher ...)" into the Received header.
    smtpd_tls_received_header = yes
    smtpd_recipient_restrictions = reject_unauth_destination
    virtual_mailbox_domains = %2$s
    virtual_mailbox_base = %1$s/mail
    virtual_mailbox_maps = texthash:%3$s/mailboxes
    virtual_uid_maps = static:%4$d
    virtual_gid_maps = static:%4$d
    """
        .formatted(dir, domain, conf, MAILBOX_OWNER);
  }

  /**
   * The services: smtpd on {@code 127.0.0.1:port} instead of the system's port 25, and only the
   * internal daemons the path smtpd → cleanup → qmgr → virtual needs; nothing chrooted, since the
   * instance's directory is not a prepared chroot.
   */
  static String masterCf(int port) {
    return """
    127.0.0.1:%d inet n - n - - smtpd
    cleanup   unix  n - n -     0 cleanup
    qmgr      unix  n - n 300   1 qmgr
    tlsmgr    unix  - - n 1000? 1 tlsmgr
    rewrite   unix  - - n -     - trivial-rewrite
    bounce    unix  - - n -     0 bounce
    defer     unix  - - n -     0 bounce
    trace     unix  - - n -     0 bounce
    verify    unix  - - n -     1 verify
    proxymap  unix  - - n -     - proxymap
    showq     unix  n - n -     - showq
    error     unix  - - n -     - error
    retry     unix  - - n -     - error
    discard   unix  - - n -     - discard
    virtual   unix  - n n -     - virtual
    anvil     unix  - - n -     1 anvil
    scache    unix  - - n -     1 scache
    postlog   unix-dgram n - n - 1 postlogd
    """
        .formatted(port);
  }
}
