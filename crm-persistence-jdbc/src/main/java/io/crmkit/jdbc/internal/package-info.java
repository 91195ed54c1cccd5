/** Implementation of the JDBC storage: not API, may change in any release. */
package io.crmkit.jdbc.internal;
