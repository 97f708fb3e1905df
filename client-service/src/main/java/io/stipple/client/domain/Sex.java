package io.stipple.client.domain;

/** Biological sex as far as treatment policy needs it (top-up intervals differ). */
public enum Sex { MALE, FEMALE, UNSPECIFIED }
