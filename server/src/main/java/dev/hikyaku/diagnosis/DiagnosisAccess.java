package dev.hikyaku.diagnosis;

/**
 * Who may use the analyzers: any person with a role, as they read what the person brings and change
 * nothing. Hikyaku's own delivery records name recipients, so tracing them is for those who may
 * already look them up (operators and auditors, as the delivery lookup).
 */
final class DiagnosisAccess {

  static final String ANALYZE = "hasAnyRole('OPERATOR', 'AUTHOR', 'APPROVER', 'ADMIN', 'AUDITOR')";
  static final String DELIVERIES = "hasAnyRole('OPERATOR', 'AUDITOR')";
  static final String SCOPE = " and hasAuthority('SCOPE_diagnosis:read')";

  private DiagnosisAccess() {}
}
