/**
 * Contact list import from CSV files as Excel, CRMs and old systems write them: encoding and
 * dialect detection, header mapping, per-row validation with line numbers, and a dry-run report.
 *
 * <p>Plain Java on purpose: the audience service streams an upload through {@link
 * dev.hikyaku.audience.importing.ContactCsvReader} twice, once for the {@link
 * dev.hikyaku.audience.importing.DryRunReport} and once, after confirmation, to store the accepted
 * rows in batches.
 */
package dev.hikyaku.audience.importing;
