/**
 * The operation log (操作履歴): an append-only, hash-chained record of every state-changing action, fed
 * by {@link dev.hikyaku.shared.AuditedAction} events, read by auditors, verified by the CLI.
 */
package dev.hikyaku.audit;
