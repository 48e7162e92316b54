package org.cosense.lab;

/** The CoSense version: the jar manifest's Implementation-Version, or {@code dev} when run from classes. */
public final class Version {
    private Version() {
    }

    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
