/**
 * Implementation detail of crmkit: the services behind the public interfaces, validation, cursors and event
 * delivery. Not API: anything here may change in any release.
 */
package io.crmkit.internal;
