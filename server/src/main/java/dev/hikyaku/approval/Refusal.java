package dev.hikyaku.approval;

/**
 * Why a subject may not be sent now as far as approval goes: a message code for the console ({@code
 * approval.refused.<code>}) with its arguments, and an English text for the API.
 */
public record Refusal(String code, String message, Object... args) {}
