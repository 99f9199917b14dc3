package io.aviary.connectors.model;

public enum PositionMode { HEDGE, ONEWAY }
