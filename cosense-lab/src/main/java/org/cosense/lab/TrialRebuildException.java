package org.cosense.lab;

/** A worker could not rebuild a figure's trial function; the message says which figure, call and why. */
public final class TrialRebuildException extends RuntimeException {
    public TrialRebuildException(String message) {
        super(message);
    }
}
