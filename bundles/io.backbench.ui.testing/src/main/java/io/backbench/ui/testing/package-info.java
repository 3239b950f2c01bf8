/**
 * Helpers for UI tests that run the real workbench inside Felix under Xvfb: find views and
 * widgets by their data keys, wait for the UI thread, click, take screenshots, reach services.
 * Shared by every UI test bundle; not part of the product.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package io.backbench.ui.testing;
