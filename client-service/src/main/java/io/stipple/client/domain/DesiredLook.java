package io.stipple.client.domain;

/** The result the client wants. */
public enum DesiredLook { SHAVED_FOLLICLE_REPLICATION, DENSITY_BEHIND_LONGER_HAIR, SCAR_CAMOUFLAGE }
