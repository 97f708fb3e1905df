package io.stipple.client.domain;

public enum ConsentAction { GRANTED, WITHDRAWN }
