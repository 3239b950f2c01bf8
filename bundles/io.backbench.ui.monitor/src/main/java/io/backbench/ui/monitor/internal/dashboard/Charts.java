package io.backbench.ui.monitor.internal.dashboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import io.backbench.catalog.api.DailyStats;
import io.backbench.catalog.api.DurationPoint;
import io.backbench.catalog.api.TargetUsage;

/**
 * The Dashboard's four charts, drawn by JFreeChart into a BufferedImage and handed over as SWT
 * {@link ImageData} (plain data, no Display), so they are drawn on the view's worker thread and only
 * turned into an Image on the UI thread.
 */
final class Charts {
    private static final Color GREEN = new Color(46, 160, 67);
    private static final Color BLUE = new Color(50, 110, 220);
    private static final Color PURPLE = new Color(120, 80, 180);
    private static final Color ORANGE = new Color(220, 120, 30);

    static {
        // AWT draws into images only; never let it open a window or talk to the X server beside SWT
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    static ImageData successRate(List<DailyStats> days, int w, int h) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (DailyStats s : days) {
            d.addValue(s.runs() == 0 ? null : s.successRate() * 100, "Success", day(s));
        }
        JFreeChart c = ChartFactory.createLineChart("Success rate per day (%)", null, null, d, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot p = style(c);
        ((NumberAxis) p.getRangeAxis()).setRange(0, 105);
        LineAndShapeRenderer r = (LineAndShapeRenderer) p.getRenderer();
        r.setSeriesPaint(0, GREEN);
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setDefaultShapesVisible(true);
        return draw(c, w, h);
    }

    static ImageData dataPerDay(List<DailyStats> days, int w, int h) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        double unit = unit(days.stream().mapToLong(DailyStats::bytesRead).max().orElse(0));
        for (DailyStats s : days) {
            d.addValue(s.bytesRead() / unit, "Read", day(s));
        }
        JFreeChart c = ChartFactory.createBarChart("Data protected per day (" + unitName(unit) + ")", null, null, d,
                PlotOrientation.VERTICAL, false, false, false);
        bars(style(c), BLUE);
        return draw(c, w, h);
    }

    static ImageData storage(List<TargetUsage> targets, int w, int h) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        double unit = unit(targets.stream().mapToLong(TargetUsage::bytes).max().orElse(0));
        for (TargetUsage t : targets) {
            d.addValue(t.bytes() / unit, "Stored", shorten(t.target(), 34));
        }
        JFreeChart c = ChartFactory.createBarChart("Storage used per target (" + unitName(unit) + ")", null, null, d,
                PlotOrientation.HORIZONTAL, false, false, false);
        CategoryPlot p = style(c);
        p.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        bars(p, PURPLE);
        return draw(c, w, h);
    }

    static ImageData durations(List<DurationPoint> points, int w, int h) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        double max = points.stream().mapToDouble(x -> x.duration().toMillis()).max().orElse(0);
        boolean minutes = max > 180_000;
        for (DurationPoint x : points) {
            d.addValue(x.duration().toMillis() / (minutes ? 60_000.0 : 1000.0), "Duration", "#" + x.runId());
        }
        JFreeChart c = ChartFactory.createLineChart("Duration of the last runs (" + (minutes ? "min" : "s") + ")", null, null, d,
                PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot p = style(c);
        p.getDomainAxis().setTickLabelsVisible(points.size() <= 12);
        p.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        LineAndShapeRenderer r = (LineAndShapeRenderer) p.getRenderer();
        r.setSeriesPaint(0, ORANGE);
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setDefaultShapesVisible(true);
        return draw(c, w, h);
    }

    private static CategoryPlot style(JFreeChart c) {
        c.setBackgroundPaint(Color.WHITE);
        c.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        CategoryPlot p = c.getCategoryPlot();
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(new Color(215, 215, 215));
        p.setOutlineVisible(false);
        CategoryAxis x = p.getDomainAxis();
        x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        p.getRangeAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        return p;
    }

    private static void bars(CategoryPlot p, Color color) {
        BarRenderer r = (BarRenderer) p.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, color);
        r.setMaximumBarWidth(0.08);
    }

    private static String day(DailyStats s) {
        return String.format("%02d-%02d", s.day().getMonthValue(), s.day().getDayOfMonth());
    }

    private static double unit(long max) {
        if (max >= 1L << 30) {
            return 1L << 30;
        }
        return max >= 1L << 20 ? 1L << 20 : 1024;
    }

    private static String unitName(double unit) {
        return unit >= 1L << 30 ? "GiB" : unit >= 1L << 20 ? "MiB" : "KiB";
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : "..." + s.substring(s.length() - max + 3);
    }

    /** Draws the chart and copies its pixels into an SWT ImageData (direct 24-bit palette). */
    private static ImageData draw(JFreeChart chart, int w, int h) {
        int width = Math.max(w, 50);
        int height = Math.max(h, 50);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ImageData data = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                row[x] &= 0xFFFFFF;
            }
            data.setPixels(0, y, width, row, 0);
        }
        return data;
    }
}
