package io.stipple.client.domain;

/** How far a scar has healed: immature (red, under ~6 months), maturing, or mature (pale, flat). */
public enum ScarMaturity { IMMATURE, MATURING, MATURE }
