package io.stipple.client.domain;

/** What was done to audited data. */
public enum AuditAction { READ, CREATE, REVIEW, GRANT, WITHDRAW, EXPORT, ERASE }
