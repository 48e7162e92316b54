package org.cosense.systems.mengvehicle;

/**
 * BS b senses vehicle k for a normalized duration (x_{b,k}[n] = 1 in the slot it is packed into).
 *
 * @param bs      b
 * @param vehicle k
 * @param length  the normalized duration it asks for
 */
public record Association(int bs, int vehicle, double length) {
}
