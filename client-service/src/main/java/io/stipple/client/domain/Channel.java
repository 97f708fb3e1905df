package io.stipple.client.domain;

/** How a client prefers to be contacted. */
public enum Channel { EMAIL, SMS, PUSH }
