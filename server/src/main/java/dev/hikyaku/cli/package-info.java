/** The command line: operations and diagnosis against the same configuration and database. */
package dev.hikyaku.cli;
