package org.cosense.lab;

/** A plot panel of a figure. */
public sealed interface Panel permits LinePanel, MapPanel {
    String title();
}
