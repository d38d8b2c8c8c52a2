/**
 * Pre-send checks: plain-Java detectors that look at a message's content and attachments for the
 * classic mis-send mistakes of Japanese organisations (an address list pasted into a body or
 * attached as a spreadsheet, My Numbers and card numbers in a file, executables, password-protected
 * ZIPs sent as "PPAP", links whose text shows one domain and whose href goes to another) and report
 * each as a {@link dev.hikyaku.approval.checks.Finding}; start at {@link
 * dev.hikyaku.approval.checks.AttachmentScanner} and {@link
 * dev.hikyaku.approval.checks.ContentScanner}, configured by a {@link
 * dev.hikyaku.approval.checks.CheckPolicy}.
 */
@NamedInterface("checks")
package dev.hikyaku.approval.checks;

import org.springframework.modulith.NamedInterface;
