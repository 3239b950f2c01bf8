package io.backbench.ui.api;

/**
 * Where in a perspective a view goes. A perspective has four areas around the editor-less middle:
 * {@code LEFT} (navigation, lists), {@code CENTER} (the main content), {@code BOTTOM} (progress,
 * logs, details) and {@code RIGHT} (properties, summaries). Several views in one area share it as
 * tabs; an area without views takes no space.
 */
public enum Area {
    LEFT, CENTER, BOTTOM, RIGHT
}
