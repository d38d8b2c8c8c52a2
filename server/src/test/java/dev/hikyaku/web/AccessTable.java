package dev.hikyaku.web;

import static dev.hikyaku.identity.Role.ADMIN;
import static dev.hikyaku.identity.Role.APPROVER;
import static dev.hikyaku.identity.Role.AUDITOR;
import static dev.hikyaku.identity.Role.AUTHOR;
import static dev.hikyaku.identity.Role.OPERATOR;

import dev.hikyaku.identity.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may call each endpoint: the one table the RBAC matrix test is generated from. A controller
 * method added without a row here fails the build.
 */
final class AccessTable {

  /** Who gets through. */
  sealed interface Access {
    /** Anyone, signed in or not. */
    record Public() implements Access {}

    /** Any person who completed sign-in (or any valid token, on the API). */
    record SignedIn() implements Access {}

    /** Only half-way through sign-in (password verified, second factor due). */
    record SecondFactorPending() implements Access {}

    /** Only holders of one of these roles. */
    record Roles(Set<Role> roles) implements Access {}
  }

  /**
   * One endpoint: method and pattern as mapped, and the concrete path the test calls ({@code
   * {target}} is replaced by the id of a user the test may change freely).
   */
  record Row(String method, String pattern, String path, Access access) {
    boolean api() {
      return pattern.startsWith("/api/");
    }
  }

  private static final Access PUBLIC = new Access.Public();
  private static final Access SIGNED_IN = new Access.SignedIn();
  private static final Access PENDING = new Access.SecondFactorPending();
  private static final Access READ_APPROVALS =
      new Access.Roles(EnumSet.of(AUTHOR, APPROVER, OPERATOR, ADMIN, AUDITOR));

  /** The analyzers of the diagnosis module: any person with a role (they change nothing). */
  private static final Access DIAGNOSE =
      new Access.Roles(EnumSet.of(OPERATOR, AUTHOR, APPROVER, ADMIN, AUDITOR));

  private static Access only(Role first, Role... rest) {
    return new Access.Roles(EnumSet.of(first, rest));
  }

  static final List<Row> ROWS =
      List.of(
          // Console: public pages.
          new Row("GET", "/login", "/login", PUBLIC),
          new Row("GET", "/setup", "/setup?token=nope", PUBLIC),
          new Row("POST", "/setup", "/setup", PUBLIC),
          new Row("*", "/error", "/error", PUBLIC),
          // Console: sign-in steps.
          new Row("GET", "/login/mfa", "/login/mfa", PENDING),
          new Row("POST", "/login/mfa", "/login/mfa", PENDING),
          new Row("GET", "/mfa/enrol", "/mfa/enrol", SIGNED_IN),
          new Row("POST", "/mfa/enrol", "/mfa/enrol", SIGNED_IN),
          // Console: everyone signed in.
          new Row("GET", "/", "/", SIGNED_IN),
          new Row("GET", "/account", "/account", SIGNED_IN),
          new Row("POST", "/account/password", "/account/password", SIGNED_IN),
          new Row("GET", "/account/tokens", "/account/tokens", SIGNED_IN),
          new Row("POST", "/account/tokens", "/account/tokens", SIGNED_IN),
          new Row(
              "POST",
              "/account/tokens/{publicId}/revoke",
              "/account/tokens/none/revoke",
              SIGNED_IN),
          // Console: administrators.
          new Row("GET", "/admin/users", "/admin/users", only(ADMIN)),
          new Row("POST", "/admin/users", "/admin/users", only(ADMIN)),
          new Row("GET", "/admin/users/{id}", "/admin/users/{target}", only(ADMIN)),
          new Row("POST", "/admin/users/{id}", "/admin/users/{target}", only(ADMIN)),
          new Row(
              "POST", "/admin/users/{id}/disable", "/admin/users/{target}/disable", only(ADMIN)),
          new Row("POST", "/admin/users/{id}/enable", "/admin/users/{target}/enable", only(ADMIN)),
          new Row("POST", "/admin/users/{id}/unlock", "/admin/users/{target}/unlock", only(ADMIN)),
          new Row(
              "POST",
              "/admin/users/{id}/reset-mfa",
              "/admin/users/{target}/reset-mfa",
              only(ADMIN)),
          new Row(
              "POST",
              "/admin/users/{id}/reset-access",
              "/admin/users/{target}/reset-access",
              only(ADMIN)),
          new Row("GET", "/admin/ip-rules", "/admin/ip-rules", only(ADMIN)),
          new Row("POST", "/admin/ip-rules", "/admin/ip-rules", only(ADMIN)),
          new Row(
              "POST", "/admin/ip-rules/{id}/delete", "/admin/ip-rules/999999/delete", only(ADMIN)),
          new Row("GET", "/admin/settings", "/admin/settings", only(ADMIN)),
          new Row("POST", "/admin/settings", "/admin/settings", only(ADMIN)),
          // Console: sending domains (operators change; authors and approvers look).
          new Row("GET", "/domains", "/domains", only(OPERATOR, AUTHOR, APPROVER)),
          new Row("POST", "/domains", "/domains", only(OPERATOR)),
          new Row("GET", "/domains/{id}", "/domains/999999", only(OPERATOR, AUTHOR, APPROVER)),
          new Row(
              "GET",
              "/domains/{id}/zone.txt",
              "/domains/999999/zone.txt",
              only(OPERATOR, AUTHOR, APPROVER)),
          new Row("POST", "/domains/{id}/verify", "/domains/999999/verify", only(OPERATOR)),
          new Row("POST", "/domains/{id}/rotate", "/domains/999999/rotate", only(OPERATOR)),
          new Row("POST", "/domains/{id}/delete", "/domains/999999/delete", only(OPERATOR)),
          // Console: audiences and suppressions (authors and operators change; approvers look).
          new Row("GET", "/audiences", "/audiences", only(AUTHOR, OPERATOR, APPROVER)),
          new Row("POST", "/audiences", "/audiences", only(AUTHOR, OPERATOR)),
          new Row("GET", "/audiences/{id}", "/audiences/999999", only(AUTHOR, OPERATOR, APPROVER)),
          new Row(
              "POST",
              "/audiences/{id}/contacts",
              "/audiences/999999/contacts",
              only(AUTHOR, OPERATOR)),
          new Row(
              "POST",
              "/audiences/{id}/contacts/{contactId}/delete",
              "/audiences/999999/contacts/1/delete",
              only(AUTHOR, OPERATOR)),
          new Row(
              "POST", "/audiences/{id}/delete", "/audiences/999999/delete", only(AUTHOR, OPERATOR)),
          new Row(
              "POST",
              "/audiences/{id}/imports",
              "/audiences/999999/imports",
              only(AUTHOR, OPERATOR)),
          new Row(
              "GET",
              "/audiences/{id}/imports/{importId}",
              "/audiences/999999/imports/1",
              only(AUTHOR, OPERATOR, APPROVER)),
          new Row(
              "POST",
              "/audiences/{id}/imports/{importId}/confirm",
              "/audiences/999999/imports/1/confirm",
              only(AUTHOR, OPERATOR)),
          new Row(
              "POST",
              "/audiences/{id}/imports/{importId}/discard",
              "/audiences/999999/imports/1/discard",
              only(AUTHOR, OPERATOR)),
          new Row("GET", "/suppressions", "/suppressions", only(AUTHOR, OPERATOR, APPROVER)),
          new Row("POST", "/suppressions", "/suppressions", only(AUTHOR, OPERATOR)),
          new Row("POST", "/suppressions/remove", "/suppressions/remove", only(OPERATOR)),
          // Console: campaigns, capture mailbox, delivery lookup, unsubscribe links.
          new Row("GET", "/campaigns", "/campaigns", only(AUTHOR, APPROVER, OPERATOR)),
          new Row("GET", "/campaigns/new", "/campaigns/new", only(AUTHOR)),
          new Row("POST", "/campaigns", "/campaigns", only(AUTHOR)),
          new Row("GET", "/campaigns/{id}", "/campaigns/999999", only(AUTHOR, APPROVER, OPERATOR)),
          new Row(
              "GET",
              "/campaigns/{id}/progress",
              "/campaigns/999999/progress",
              only(AUTHOR, APPROVER, OPERATOR)),
          new Row("GET", "/campaigns/{id}/edit", "/campaigns/999999/edit", only(AUTHOR)),
          new Row("POST", "/campaigns/{id}", "/campaigns/999999", only(AUTHOR)),
          new Row("POST", "/campaigns/{id}/delete", "/campaigns/999999/delete", only(AUTHOR)),
          new Row(
              "POST", "/campaigns/{id}/attachments", "/campaigns/999999/attachments", only(AUTHOR)),
          new Row(
              "POST",
              "/campaigns/{id}/attachments/{attachmentId}/delete",
              "/campaigns/999999/attachments/1/delete",
              only(AUTHOR)),
          new Row(
              "GET",
              "/campaigns/{id}/preview",
              "/campaigns/999999/preview",
              only(AUTHOR, APPROVER, OPERATOR)),
          new Row(
              "GET",
              "/campaigns/{id}/preview.html",
              "/campaigns/999999/preview.html",
              only(AUTHOR, APPROVER, OPERATOR)),
          new Row(
              "POST",
              "/campaigns/{id}/test-send",
              "/campaigns/999999/test-send",
              only(AUTHOR, OPERATOR)),
          new Row("POST", "/campaigns/{id}/start", "/campaigns/999999/start", only(OPERATOR)),
          new Row("POST", "/campaigns/{id}/pause", "/campaigns/999999/pause", only(OPERATOR)),
          new Row("POST", "/campaigns/{id}/resume", "/campaigns/999999/resume", only(OPERATOR)),
          new Row("POST", "/campaigns/{id}/cancel", "/campaigns/999999/cancel", only(OPERATOR)),
          new Row(
              "POST", "/campaigns/{id}/unschedule", "/campaigns/999999/unschedule", only(OPERATOR)),
          new Row("POST", "/campaigns/{id}/submit", "/campaigns/999999/submit", only(AUTHOR)),
          new Row("POST", "/campaigns/{id}/withdraw", "/campaigns/999999/withdraw", only(AUTHOR)),
          new Row(
              "GET",
              "/campaigns/{id}/review",
              "/campaigns/999999/review",
              only(AUTHOR, APPROVER, OPERATOR)),
          new Row(
              "POST",
              "/campaigns/{id}/review/approve",
              "/campaigns/999999/review/approve?request=999999",
              SIGNED_IN),
          new Row(
              "POST",
              "/campaigns/{id}/review/reject",
              "/campaigns/999999/review/reject?request=999999",
              SIGNED_IN),
          new Row("GET", "/approvals", "/approvals", READ_APPROVALS),
          new Row(
              "POST", "/approvals/delegations", "/approvals/delegations", only(APPROVER, ADMIN)),
          new Row(
              "POST",
              "/approvals/delegations/{id}/revoke",
              "/approvals/delegations/999999/revoke",
              only(APPROVER, ADMIN)),
          new Row("GET", "/deliveries", "/deliveries", only(OPERATOR, AUDITOR)),
          new Row("GET", "/capture", "/capture", only(AUTHOR, APPROVER, OPERATOR)),
          new Row(
              "GET", "/capture/{id}.eml", "/capture/999999.eml", only(AUTHOR, APPROVER, OPERATOR)),
          // Console: the emergency stop (a POST without the confirmation box halts nothing; the
          // resume row comes after it, so the table leaves sending running either way).
          new Row("GET", "/delivery/halt", "/delivery/halt", only(OPERATOR, APPROVER, ADMIN)),
          new Row("POST", "/delivery/halt", "/delivery/halt", only(OPERATOR, APPROVER, ADMIN)),
          new Row("POST", "/delivery/resume", "/delivery/resume", only(OPERATOR)),
          new Row("GET", "/u/{token}", "/u/nosuchtoken", PUBLIC),
          new Row("POST", "/u/{token}", "/u/nosuchtoken", PUBLIC),
          // Console: diagnosis (the analyzers for everyone with a role; Hikyaku's own delivery
          // records, which name recipients, for those who may look them up).
          new Row("GET", "/diagnosis", "/diagnosis", DIAGNOSE),
          new Row("GET", "/diagnosis/headers", "/diagnosis/headers", DIAGNOSE),
          new Row("POST", "/diagnosis/headers", "/diagnosis/headers", DIAGNOSE),
          new Row("POST", "/diagnosis/headers/redacted", "/diagnosis/headers/redacted", DIAGNOSE),
          new Row("GET", "/diagnosis/logs", "/diagnosis/logs", DIAGNOSE),
          new Row("POST", "/diagnosis/logs", "/diagnosis/logs", DIAGNOSE),
          new Row("GET", "/diagnosis/deliveries", "/diagnosis/deliveries", only(OPERATOR, AUDITOR)),
          new Row("GET", "/diagnosis/domain", "/diagnosis/domain", DIAGNOSE),
          new Row("POST", "/diagnosis/domain", "/diagnosis/domain", DIAGNOSE),
          // Console: auditors.
          new Row("GET", "/audit", "/audit", only(AUDITOR)),
          new Row("GET", "/audit/verify", "/audit/verify", only(AUDITOR)),
          new Row("GET", "/audit/export.csv", "/audit/export.csv", only(AUDITOR)),
          new Row("GET", "/audit/export.json", "/audit/export.json", only(AUDITOR)),
          // Console: the trouble intake (anyone with a role files; the service decides who reads
          // which report, so an unknown or someone else's report is a 404, not a refusal).
          new Row("GET", "/incidents", "/incidents", SIGNED_IN),
          new Row("GET", "/incidents/new", "/incidents/new", SIGNED_IN),
          new Row("POST", "/incidents", "/incidents", SIGNED_IN),
          new Row("GET", "/incidents/{id}", "/incidents/999999", SIGNED_IN),
          new Row("GET", "/incidents/{id}.md", "/incidents/999999.md", SIGNED_IN),
          new Row("GET", "/incidents/{id}.json", "/incidents/999999.json", SIGNED_IN),
          // API.
          new Row("GET", "/api/v1/openapi.json", "/api/v1/openapi.json", PUBLIC),
          new Row("GET", "/api/v1/openapi.json.yaml", "/api/v1/openapi.json.yaml", PUBLIC),
          new Row("GET", "/api/v1/me", "/api/v1/me", SIGNED_IN),
          new Row("GET", "/api/v1/tokens", "/api/v1/tokens", SIGNED_IN),
          new Row("POST", "/api/v1/tokens", "/api/v1/tokens", SIGNED_IN),
          new Row("DELETE", "/api/v1/tokens/{publicId}", "/api/v1/tokens/none", SIGNED_IN),
          new Row("GET", "/api/v1/users", "/api/v1/users", only(ADMIN)),
          new Row("POST", "/api/v1/users", "/api/v1/users", only(ADMIN)),
          new Row("GET", "/api/v1/users/{id}", "/api/v1/users/{target}", only(ADMIN)),
          new Row("PATCH", "/api/v1/users/{id}", "/api/v1/users/{target}", only(ADMIN)),
          new Row("GET", "/api/v1/ip-rules", "/api/v1/ip-rules", only(ADMIN)),
          new Row("POST", "/api/v1/ip-rules", "/api/v1/ip-rules", only(ADMIN)),
          new Row("DELETE", "/api/v1/ip-rules/{id}", "/api/v1/ip-rules/999999", only(ADMIN)),
          new Row("GET", "/api/v1/settings", "/api/v1/settings", only(ADMIN)),
          new Row("PUT", "/api/v1/settings", "/api/v1/settings", only(ADMIN)),
          new Row("GET", "/api/v1/domains", "/api/v1/domains", only(OPERATOR, AUTHOR, APPROVER)),
          new Row("POST", "/api/v1/domains", "/api/v1/domains", only(OPERATOR)),
          new Row(
              "GET",
              "/api/v1/domains/{id}",
              "/api/v1/domains/999999",
              only(OPERATOR, AUTHOR, APPROVER)),
          new Row(
              "POST",
              "/api/v1/domains/{id}/verify",
              "/api/v1/domains/999999/verify",
              only(OPERATOR)),
          new Row(
              "POST",
              "/api/v1/domains/{id}/rotate",
              "/api/v1/domains/999999/rotate",
              only(OPERATOR)),
          new Row("DELETE", "/api/v1/domains/{id}", "/api/v1/domains/999999", only(OPERATOR)),
          new Row(
              "GET", "/api/v1/audiences", "/api/v1/audiences", only(AUTHOR, OPERATOR, APPROVER)),
          new Row("POST", "/api/v1/audiences", "/api/v1/audiences", only(AUTHOR, OPERATOR)),
          new Row(
              "GET",
              "/api/v1/audiences/{id}",
              "/api/v1/audiences/999999",
              only(AUTHOR, OPERATOR, APPROVER)),
          new Row(
              "DELETE",
              "/api/v1/audiences/{id}",
              "/api/v1/audiences/999999",
              only(AUTHOR, OPERATOR)),
          new Row(
              "GET",
              "/api/v1/audiences/{id}/contacts",
              "/api/v1/audiences/999999/contacts",
              only(AUTHOR, OPERATOR, APPROVER)),
          new Row(
              "POST",
              "/api/v1/audiences/{id}/contacts",
              "/api/v1/audiences/999999/contacts",
              only(AUTHOR, OPERATOR)),
          new Row(
              "DELETE",
              "/api/v1/audiences/{id}/contacts/{contactId}",
              "/api/v1/audiences/999999/contacts/1",
              only(AUTHOR, OPERATOR)),
          new Row(
              "GET",
              "/api/v1/suppressions",
              "/api/v1/suppressions",
              only(AUTHOR, OPERATOR, APPROVER)),
          new Row("POST", "/api/v1/suppressions", "/api/v1/suppressions", only(AUTHOR, OPERATOR)),
          new Row(
              "POST",
              "/api/v1/audiences/{id}/imports",
              "/api/v1/audiences/999999/imports",
              only(AUTHOR, OPERATOR)),
          new Row(
              "GET",
              "/api/v1/imports/{id}",
              "/api/v1/imports/999999",
              only(AUTHOR, OPERATOR, APPROVER)),
          new Row(
              "GET",
              "/api/v1/imports/{id}/issues",
              "/api/v1/imports/999999/issues",
              only(AUTHOR, OPERATOR, APPROVER)),
          new Row(
              "POST",
              "/api/v1/imports/{id}/confirm",
              "/api/v1/imports/999999/confirm",
              only(AUTHOR, OPERATOR)),
          new Row(
              "DELETE", "/api/v1/imports/{id}", "/api/v1/imports/999999", only(AUTHOR, OPERATOR)),
          new Row(
              "DELETE",
              "/api/v1/suppressions/{email}",
              "/api/v1/suppressions/nobody@example.jp",
              only(OPERATOR)),
          new Row(
              "GET", "/api/v1/campaigns", "/api/v1/campaigns", only(AUTHOR, APPROVER, OPERATOR)),
          new Row("POST", "/api/v1/campaigns", "/api/v1/campaigns", only(AUTHOR)),
          new Row(
              "GET",
              "/api/v1/campaigns/{id}",
              "/api/v1/campaigns/999999",
              only(AUTHOR, APPROVER, OPERATOR)),
          new Row("PUT", "/api/v1/campaigns/{id}", "/api/v1/campaigns/999999", only(AUTHOR)),
          new Row("DELETE", "/api/v1/campaigns/{id}", "/api/v1/campaigns/999999", only(AUTHOR)),
          new Row(
              "GET",
              "/api/v1/campaigns/{id}/preview",
              "/api/v1/campaigns/999999/preview",
              only(AUTHOR, APPROVER, OPERATOR)),
          new Row(
              "GET",
              "/api/v1/campaigns/{id}/attachments",
              "/api/v1/campaigns/999999/attachments",
              only(AUTHOR, APPROVER, OPERATOR)),
          new Row(
              "POST",
              "/api/v1/campaigns/{id}/attachments",
              "/api/v1/campaigns/999999/attachments",
              only(AUTHOR)),
          new Row(
              "DELETE",
              "/api/v1/campaigns/{id}/attachments/{attachmentId}",
              "/api/v1/campaigns/999999/attachments/1",
              only(AUTHOR)),
          new Row(
              "GET",
              "/api/v1/campaigns/{id}/progress",
              "/api/v1/campaigns/999999/progress",
              only(AUTHOR, APPROVER, OPERATOR)),
          new Row(
              "POST",
              "/api/v1/campaigns/{id}/test-send",
              "/api/v1/campaigns/999999/test-send",
              only(AUTHOR, OPERATOR)),
          new Row(
              "POST",
              "/api/v1/campaigns/{id}/start",
              "/api/v1/campaigns/999999/start",
              only(OPERATOR)),
          new Row(
              "POST",
              "/api/v1/campaigns/{id}/unschedule",
              "/api/v1/campaigns/999999/unschedule",
              only(OPERATOR)),
          new Row(
              "POST",
              "/api/v1/campaigns/{id}/submit",
              "/api/v1/campaigns/999999/submit",
              only(AUTHOR)),
          new Row(
              "GET",
              "/api/v1/campaigns/{id}/approval",
              "/api/v1/campaigns/999999/approval",
              only(AUTHOR, APPROVER, OPERATOR)),
          new Row(
              "GET",
              "/api/v1/campaigns/{id}/findings",
              "/api/v1/campaigns/999999/findings",
              only(AUTHOR, APPROVER, OPERATOR)),
          new Row("GET", "/api/v1/approvals", "/api/v1/approvals", READ_APPROVALS),
          new Row("GET", "/api/v1/approvals/{id}", "/api/v1/approvals/999999", READ_APPROVALS),
          new Row(
              "POST",
              "/api/v1/approvals/{id}/approve",
              "/api/v1/approvals/999999/approve",
              SIGNED_IN),
          new Row(
              "POST",
              "/api/v1/approvals/{id}/reject",
              "/api/v1/approvals/999999/reject",
              SIGNED_IN),
          new Row(
              "POST",
              "/api/v1/approvals/{id}/withdraw",
              "/api/v1/approvals/999999/withdraw",
              SIGNED_IN),
          new Row(
              "GET",
              "/api/v1/approvals/delegations",
              "/api/v1/approvals/delegations",
              READ_APPROVALS),
          new Row(
              "POST",
              "/api/v1/approvals/delegations",
              "/api/v1/approvals/delegations",
              only(APPROVER, ADMIN)),
          new Row(
              "DELETE",
              "/api/v1/approvals/delegations/{id}",
              "/api/v1/approvals/delegations/999999",
              only(APPROVER, ADMIN)),
          new Row(
              "POST",
              "/api/v1/campaigns/{id}/pause",
              "/api/v1/campaigns/999999/pause",
              only(OPERATOR)),
          new Row(
              "POST",
              "/api/v1/campaigns/{id}/resume",
              "/api/v1/campaigns/999999/resume",
              only(OPERATOR)),
          new Row(
              "POST",
              "/api/v1/campaigns/{id}/cancel",
              "/api/v1/campaigns/999999/cancel",
              only(OPERATOR)),
          new Row("GET", "/api/v1/deliveries", "/api/v1/deliveries", only(OPERATOR, AUDITOR)),
          new Row("GET", "/api/v1/bounces", "/api/v1/bounces", only(OPERATOR, AUDITOR)),
          new Row(
              "GET",
              "/api/v1/jobs/{id}/deliveries",
              "/api/v1/jobs/999999/deliveries",
              only(OPERATOR, AUDITOR)),
          new Row("GET", "/api/v1/capture", "/api/v1/capture", only(AUTHOR, APPROVER, OPERATOR)),
          new Row(
              "GET",
              "/api/v1/capture/{id}",
              "/api/v1/capture/999999",
              only(AUTHOR, APPROVER, OPERATOR)),
          // The emergency stop (a POST without a body halts nothing; resume comes after it).
          new Row(
              "GET",
              "/api/v1/delivery/halt",
              "/api/v1/delivery/halt",
              only(OPERATOR, APPROVER, ADMIN)),
          new Row(
              "POST",
              "/api/v1/delivery/halt",
              "/api/v1/delivery/halt",
              only(OPERATOR, APPROVER, ADMIN)),
          new Row("POST", "/api/v1/delivery/resume", "/api/v1/delivery/resume", only(OPERATOR)),
          new Row("POST", "/api/v1/incidents", "/api/v1/incidents", SIGNED_IN),
          new Row("GET", "/api/v1/incidents", "/api/v1/incidents", SIGNED_IN),
          new Row("GET", "/api/v1/incidents/{id}", "/api/v1/incidents/999999", SIGNED_IN),
          new Row("GET", "/api/v1/incidents/{id}.md", "/api/v1/incidents/999999.md", SIGNED_IN),
          // Diagnosis (an empty request analyses nothing and is refused as bad input).
          new Row("POST", "/api/v1/diagnosis/headers", "/api/v1/diagnosis/headers", DIAGNOSE),
          new Row(
              "POST",
              "/api/v1/diagnosis/headers/redacted",
              "/api/v1/diagnosis/headers/redacted",
              DIAGNOSE),
          new Row("POST", "/api/v1/diagnosis/logs", "/api/v1/diagnosis/logs", DIAGNOSE),
          new Row(
              "GET",
              "/api/v1/diagnosis/deliveries",
              "/api/v1/diagnosis/deliveries",
              only(OPERATOR, AUDITOR)),
          new Row("POST", "/api/v1/diagnosis/domain", "/api/v1/diagnosis/domain", DIAGNOSE),
          new Row("GET", "/api/v1/audit/events", "/api/v1/audit/events", only(AUDITOR)),
          new Row("GET", "/api/v1/audit/export", "/api/v1/audit/export", only(AUDITOR)),
          new Row("GET", "/api/v1/audit/verify", "/api/v1/audit/verify", only(AUDITOR)));

  private AccessTable() {}
}
