package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequirementTextTest {

    @Test
    void describesAnImportedPackageWithItsRange() {
        assertEquals("package com.acme.missing (version [1,2))", RequirementText.describe("osgi.wiring.package",
                "(&(osgi.wiring.package=com.acme.missing)(version>=1.0.0)(!(version>=2.0.0)))"));
    }

    @Test
    void describesAPackageWithoutVersion() {
        assertEquals("package com.acme.any", RequirementText.describe("osgi.wiring.package", "(osgi.wiring.package=com.acme.any)"));
    }

    @Test
    void describesAnOpenEndedAndAnInclusiveRange() {
        assertEquals("package p (version 1.2 or later)",
                RequirementText.describe("osgi.wiring.package", "(&(osgi.wiring.package=p)(version>=1.2.0))"));
        assertEquals("package p (version (1,3.1])",
                RequirementText.describe("osgi.wiring.package", "(&(osgi.wiring.package=p)(!(version<=1.0.0))(version<=3.1.0))"));
    }

    @Test
    void describesARequiredBundle() {
        assertEquals("bundle com.acme.lib (version [2.1,3))", RequirementText.describe("osgi.wiring.bundle",
                "(&(osgi.wiring.bundle=com.acme.lib)(bundle-version>=2.1.0)(!(bundle-version>=3.0.0)))"));
    }

    @Test
    void describesAnExecutionEnvironment() {
        assertEquals("execution environment JavaSE (version 21)",
                RequirementText.describe("osgi.ee", "(&(osgi.ee=JavaSE)(version=21))"));
    }

    @Test
    void describesAGenericCapabilityByNamespaceAndFilter() {
        assertEquals("capability com.acme.feature (&(color=blue)(size>=3))",
                RequirementText.describe("com.acme.feature", "(&(color=blue)(size>=3))"));
        assertEquals("capability com.acme.codec zstd (version 1.5 or later)",
                RequirementText.describe("com.acme.codec", "(&(com.acme.codec=zstd)(version>=1.5.0))"));
    }

    @Test
    void shortensVersionsOnlyByTrailingZeros() {
        assertEquals("1", RequirementText.shortVersion("1.0.0"));
        assertEquals("10", RequirementText.shortVersion("10.0.0"));
        assertEquals("1.2.3", RequirementText.shortVersion("1.2.3"));
        assertEquals("2.0.1", RequirementText.shortVersion("2.0.1"));
    }
}
