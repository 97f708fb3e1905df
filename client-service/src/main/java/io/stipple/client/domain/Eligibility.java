package io.stipple.client.domain;

/** Whether screening allows treatment. */
public enum Eligibility { ELIGIBLE, NEEDS_REVIEW, NOT_ELIGIBLE }
