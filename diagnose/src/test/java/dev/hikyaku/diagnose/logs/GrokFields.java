package dev.hikyaku.diagnose.logs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The fields the postfix-grok-patterns project's grok patterns would capture, computed from our
 * typed events, so the conformance data can check them. This mapping is the whole bridge between
 * their field names and our types; it belongs to the tests, not to the parser.
 */
final class GrokFields {

  private final Map<String, String> fields = new LinkedHashMap<>();

  private GrokFields() {}

  /** The grok fields for an event that {@code program} logged. */
  static Map<String, String> of(PostfixProgram program, PostfixEvent event) {
    GrokFields f = new GrokFields();
    event.queueId().ifPresent(id -> f.put("queueid", id.value()));
    switch (event) {
      case Delivery d -> {
        f.put("keyvalue_data", d.attributes().raw());
        f.put("status", d.status().logName());
        // grok names the response after the program: smtp_response, local_response, ...
        String agent =
            program == PostfixProgram.LMTP
                    || program == PostfixProgram.VIRTUAL
                    || program == PostfixProgram.DISCARD
                ? "smtp"
                : program.logName();
        f.put(agent + "_response", d.response());
      }
      case ContentCheck c -> f.contentCheck(c);
      case MessageEvent.ClientAccepted a -> {
        f.put("keyvalue_data", a.attributes().raw());
        f.peer("client", a.client());
      }
      case MessageEvent.Pickup p -> f.put("keyvalue_data", p.attributes().raw());
      case MessageEvent.MessageIdAssigned m -> f.put("message-id", m.messageId());
      case MessageEvent.Queued q -> f.put("keyvalue_data", q.attributes().raw());
      case MessageEvent.Expired x -> {
        f.put("from", x.sender());
        f.put("status", "expired");
      }
      case MessageEvent.QueueAction a -> {
        f.put("message", a.action().logText());
        f.put("postsuper_action", a.action().logText());
      }
      case MessageEvent.BounceNotice b -> {
        f.put("bounce_queueid", b.notification().value());
        f.put("bounce_recipient", b.notified());
        f.put("bounce_reason", b.kind().logText());
      }
      case Reject r -> f.reject(r);
      case TlsEstablished t -> f.tls(t);
      case ConnectionTrouble t -> f.trouble(t);
      case SessionEvent.ClientConnected c -> f.peer("client", c.client());
      case SessionEvent.ClientDisconnected d -> {
        f.peer("client", d.client());
        d.commands().ifPresent(c -> f.put("command_counter_data", c.raw()));
      }
      case SessionEvent.SaslFailed s -> {
        f.peer("client", s.client());
        f.put("message", s.message());
      }
      case SessionEvent.ProxyResult p -> {
        f.put("proxy_result", p.accepted() ? "accept" : "reject");
        f.put("proxy_smtp_stage", p.stage());
        f.put("proxy_message", p.reply());
        f.put("proxy_status_code", p.code());
        f.put("proxy_status_code_enhanced", p.dsn().map(Dsn::toString));
        f.put("keyvalue_data", p.attributes().raw());
      }
      case SessionEvent.RemoteReply r -> {
        f.peer("relay", r.server());
        f.put("smtp_response", r.response());
        f.put("smtp_stage", r.inReplyTo());
      }
      case SessionEvent.PixWorkarounds p -> {
        f.put("pix_workaround", String.join(" ", p.workarounds()));
        f.peer("relay", p.server());
      }
      case SessionEvent.EhloKeywordsDiscarded e ->
          f.put("discarded_ehlo_keywords", String.join(" ", e.keywords()));
      case ScreenEvent.Connected c -> {
        f.peer("client", c.client());
        c.server().ifPresent(s -> f.peer("server", s));
      }
      case ScreenEvent.Disconnected d -> f.peer("client", d.client());
      case ScreenEvent.Verdict v -> {
        f.put("postscreen_access", v.verdict());
        f.peer("client", v.client());
      }
      case ScreenEvent.Violation v -> {
        f.put("postscreen_violation", v.violation());
        f.peer("client", v.client());
        f.put("postscreen_violation_time", v.after().map(LogDurations::format));
        f.put("postscreen_dnsbl_rank", v.dnsblRank());
        f.put("smtp_stage", v.stage());
      }
      case ScreenEvent.DnsblListed l -> {
        f.put("client_ip", l.address());
        f.put("dnsbl_domain", l.dnsblDomain());
        f.put("dnsbl_result", l.result());
      }
      case ServiceEvent.MasterStatus m -> {
        f.put("version", m.version());
        f.put("config_path", m.configuration());
        f.put("termination_signal", m.signal());
      }
      case ServiceEvent.AnvilStatistic a -> f.anvil(a);
      case ServiceEvent.CacheStatistic c -> {
        c.counters().forEach((name, value) -> f.put("scache_" + name, String.valueOf(value)));
        f.put("scache_timestamp", c.since());
      }
      case ServiceEvent.CacheCleanup c -> {
        String prefix = program == PostfixProgram.VERIFY ? "verify_" : "postscreen_";
        f.put(prefix + "cache_retained", String.valueOf(c.retained()));
        f.put(prefix + "cache_dropped", String.valueOf(c.dropped()));
        f.put("verify_cleanup_type", c.full() ? "full" : "partial");
      }
      case ServiceEvent.BulkQueueAction b -> {
        f.put("postsuper_summary_action", b.action());
        f.put("postsuper_summary_count", String.valueOf(b.count()));
      }
      case PostfixEvent.Diagnostic d -> {
        f.put("message_level", d.level().logName());
        f.put("message", d.text());
      }
      case PostfixEvent.Unrecognised u -> f.put("message", u.text());
    }
    return f.fields;
  }

  /** {@code ehlo=2 rcpt=0/1 commands=5/7}: {@code cmd_ehlo}, {@code cmd_rcpt_accepted}, ... */
  static Map<String, String> of(CommandCounts counts) {
    GrokFields f = new GrokFields();
    counts.commands().forEach((name, count) -> f.count("cmd_" + name, count));
    f.count("cmd_count", counts.total());
    return f.fields;
  }

  static Map<String, String> of(Delays delays) {
    GrokFields f = new GrokFields();
    f.put("delay_before_qmgr", LogDurations.format(delays.beforeQueueManager()));
    f.put("delay_in_qmgr", LogDurations.format(delays.inQueueManager()));
    f.put("delay_conn_setup", LogDurations.format(delays.connectionSetup()));
    f.put("delay_transmission", LogDurations.format(delays.transmission()));
    return f.fields;
  }

  static Map<String, String> of(Relay relay) {
    GrokFields f = new GrokFields();
    f.put("relay_hostname", relay.host());
    f.put("relay_ip", relay.ip());
    f.put("relay_service", relay.socket());
    f.put("relay_port", relay.port());
    return f.fields;
  }

  static Map<String, String> of(TlsFeatures tls) {
    GrokFields f = new GrokFields();
    f.put("tls_security_level", tls.securityLevel());
    f.put("tls_downgrade_level", tls.downgrade());
    f.put("tls_policy_undecided", tls.levelUndecided() ? Optional.of("?") : Optional.empty());
    f.put("requiretls", tls.requireTls() ? Optional.of("requiretls") : Optional.empty());
    f.put(
        "requiretls_policy_undecided",
        tls.requireTlsUndecided() ? Optional.of("?") : Optional.empty());
    f.put(
        "requiretls_policy_violation",
        tls.requireTlsViolated() ? Optional.of("!") : Optional.empty());
    f.put("requiretls_downgrade_level", tls.requireTlsDowngrade());
    return f.fields;
  }

  private void contentCheck(ContentCheck c) {
    put("keyvalue_data", c.attributes().raw());
    if (c.fromMilter()) {
      put("milter_result", c.action().substring("milter-".length()));
      put("milter_message", c.description());
      put("milter_data", c.detail());
    } else if (c.action().equals("prepend")) {
      put("prepend_type", c.part());
      put("prepend_trigger", c.content());
      put("prepend_value", c.detail());
    } else {
      put("message_level", c.action());
      put("message", c.description());
    }
  }

  private void reject(Reject r) {
    put("queueid", r.queueId().map(QueueId::value).orElse("NOQUEUE"));
    put("action", r.action());
    put("smtp_stage", r.stage());
    peer("client", r.client());
    put("status_code", r.code());
    put("status_code_enhanced", r.dsn().map(Dsn::toString));
    put("status_data", r.subject());
    put("status_message", r.reason());
    put("postscreen_toobusy_data", r.reason());
    put("keyvalue_data", r.attributes().raw());
  }

  private void tls(TlsEstablished t) {
    put("tls_trustlevel", t.trust().logName());
    peer(t.outbound() ? "relay" : "client", t.peer());
    put("tls_version", t.protocol());
    put("tls_cipher", t.cipher());
    put("tls_cipher_size", t.cipherBits());
    put("tls_key_exchange", t.keyExchange());
    t.serverSignature()
        .ifPresent(s -> {
          put("tls_server_signature", s.algorithm());
          put("tls_server_signature_curve", s.curve());
          put("tls_server_signature_size", s.bits());
          put("tls_server_digest", s.digest());
        });
  }

  private void trouble(ConnectionTrouble t) {
    peer(t.outbound() ? "relay" : "client", t.peer());
    put("smtp_stage", t.stage());
    if (t.outbound()) {
      // grok captures the most specific text: the error after the peer, else the problem.
      put("smtp_lostconn_data", t.error().orElse(t.problem()));
      put("smtp_lostconn_reason", t.reason());
      put("tls_error", t.error());
    } else {
      put("smtpd_lostconn_data", t.problem());
    }
  }

  private void anvil(ServiceEvent.AnvilStatistic a) {
    String value = String.valueOf(a.value());
    switch (a.metric()) {
      case "cache size" -> put("anvil_cache_size", value);
      case "connection count" -> put("anvil_conn_count", value);
      case "connection rate" -> put("anvil_conn_rate", value);
      default -> put("anvil_" + a.metric().replace(' ', '_'), value);
    }
    put("anvil_conn_period", a.period());
    put("service", a.service());
    a.client().ifPresent(c -> put(c.equals("unknown") ? "client_ip_unknown" : "client_ip", c));
    put("anvil_timestamp", a.at());
  }

  private void peer(String role, Peer peer) {
    put(role + "_hostname", peer.hostname());
    put(peer.addressKnown() ? role + "_ip" : role + "_ip_unknown", peer.address());
    put(role + "_port", peer.port());
  }

  private void count(String name, CommandCounts.Count count) {
    put(name, String.valueOf(count.sent()));
    put(name + "_accepted", String.valueOf(count.accepted()));
  }

  private void put(String name, String value) {
    fields.put("postfix_" + name, value);
  }

  private void put(String name, Optional<String> value) {
    value.ifPresent(v -> put(name, v));
  }

  private void put(String name, OptionalInt value) {
    value.ifPresent(v -> put(name, String.valueOf(v)));
  }
}
