/** The console's frame: layout, languages, the dashboard, error pages and API problem details. */
package dev.hikyaku.web;
