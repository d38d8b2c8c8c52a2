/**
 * The approval workflow: a submission freezes a subject (a campaign, later the gateway's held mail)
 * as a content hash, and it may be sent only once enough people other than its authors have
 * approved exactly that hash, before the approval expires. Any change voids it.
 */
package dev.hikyaku.approval;
