package io.backbench.ui.workbench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

/**
 * The window layout kept across restarts in {@code <config>/workbench.properties}: bounds,
 * maximized, the active perspective and each perspective's sash weights. A missing or damaged
 * file gives the defaults; nothing here throws on bad content.
 */
public final class WindowState {

    public static final String FILE_NAME = "workbench.properties";

    private final Properties props;

    private WindowState(Properties props) {
        this.props = props;
    }

    public static WindowState empty() {
        return new WindowState(new Properties());
    }

    public static WindowState load(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("backbench: ignoring unreadable window layout " + file + ": " + e);
                p.clear();
            }
        }
        return new WindowState(p);
    }

    /** Writes the file whole or not at all (temporary file, then rename). */
    public void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            props.store(out, "Backbench window layout; deleting this file restores the defaults");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** x, y, width, height; empty when unknown or not four numbers with a positive size. */
    public Optional<int[]> bounds() {
        return ints("window.bounds", 4).filter(b -> b[2] > 0 && b[3] > 0);
    }

    public void setBounds(int x, int y, int width, int height) {
        props.setProperty("window.bounds", x + "," + y + "," + width + "," + height);
    }

    public boolean maximized() {
        return Boolean.parseBoolean(props.getProperty("window.maximized", "false"));
    }

    public void setMaximized(boolean maximized) {
        props.setProperty("window.maximized", Boolean.toString(maximized));
    }

    public Optional<String> perspective() {
        return Optional.ofNullable(props.getProperty("perspective")).filter(s -> !s.isBlank());
    }

    public void setPerspective(String id) {
        props.setProperty("perspective", id);
    }

    /** The weights of one sash of a perspective ("horizontal", "vertical"), if stored and sane. */
    public Optional<int[]> weights(String perspectiveId, String sash, int count) {
        return ints("perspective." + perspectiveId + ".weights." + sash, count)
                .filter(w -> Arrays.stream(w).allMatch(v -> v >= 0) && Arrays.stream(w).sum() > 0);
    }

    public void setWeights(String perspectiveId, String sash, int[] weights) {
        StringBuilder sb = new StringBuilder();
        for (int w : weights) {
            sb.append(sb.length() == 0 ? "" : ",").append(w);
        }
        props.setProperty("perspective." + perspectiveId + ".weights." + sash, sb.toString());
    }

    private Optional<int[]> ints(String key, int count) {
        String value = props.getProperty(key);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(",");
        if (parts.length != count) {
            return Optional.empty();
        }
        int[] result = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                result[i] = Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(result);
    }
}
