package io.backbench.cli.internal;

/** What {@code backbench version} reports; the component fills it from the framework. */
record VersionInfo(String product, String java, String javaVendor, String os, String framework,
                   String frameworkVersion, String home) {
}
