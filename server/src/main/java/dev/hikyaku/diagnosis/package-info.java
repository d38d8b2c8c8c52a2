/** Diagnosis: the console, API and CLI faces of the diagnose library, and the trouble intake. */
package dev.hikyaku.diagnosis;
