package io.backbench.discovery.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.cli.api.CommandContext;
import io.backbench.device.api.Device;
import io.backbench.device.api.DeviceListener;
import io.backbench.device.api.DeviceProvider;
import io.backbench.discovery.internal.LinuxDeviceProvider;
import io.backbench.discovery.testing.DiskImages;
import io.backbench.discovery.testing.Json;
import io.backbench.discovery.testing.Tools;

class DevicesCommandTest {
    @TempDir
    Path dir;

    /** Collects what the command prints, as the CLI's own context would. */
    private static final class Context implements CommandContext {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final boolean json;

        Context(boolean json) {
            this.json = json;
        }

        @Override
        public PrintStream out() {
            return new PrintStream(out, true, StandardCharsets.UTF_8);
        }

        @Override
        public PrintStream err() {
            return new PrintStream(err, true, StandardCharsets.UTF_8);
        }

        @Override
        public boolean json() {
            return json;
        }

        @Override
        public int usageError(String message) {
            err().println("backbench: " + message);
            return 2;
        }

        @Override
        public int failure(String message) {
            err().println("backbench: " + message);
            return 1;
        }

        String text() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private final LinuxDeviceProvider provider = new LinuxDeviceProvider();

    @Test
    void listsAnImageFileWithItsPartitionsAsJson() throws Exception {
        Path img = DiskImages.gpt(dir);
        Context ctx = new Context(true);
        int exit = new DevicesCommand(List.of(provider), provider).run(List.of("--image", img.toString()), ctx);
        assertEquals(0, exit, ctx.err.toString(StandardCharsets.UTF_8));
        List<Object> all = Json.array(Json.parse(ctx.text()));
        List<Map<String, Object>> mine = all.stream().map(Json::object)
                .filter(o -> String.valueOf(o.get("id")).startsWith("image:" + img)).toList();
        assertEquals(6, mine.size(), "the image and its five partitions");
        assertEquals("image_file", mine.get(0).get("kind"));
        assertEquals("gpt", mine.get(0).get("partitionTableType"));
        Map<String, Object> root = mine.get(1);
        assertEquals(1L, root.get("partitionNumber"));
        assertEquals(1048576L, root.get("partitionStart"));
        Map<String, Object> fs = Json.object(root.get("filesystem"));
        assertEquals(Tools.blkid(img, 1 << 20).get("UUID"), fs.get("uuid"));
        assertEquals("root fs", fs.get("label"));
        assertTrue(provider.imageFiles().isEmpty(), "--image only lasts for the one listing");
    }

    @Test
    void printsATableWithLabelsAndIndentedPartitions() throws Exception {
        Path img = DiskImages.gpt(dir);
        Context ctx = new Context(false);
        assertEquals(0, new DevicesCommand(List.of(provider), provider).run(List.of("--image", img.toString()), ctx));
        String text = ctx.text();
        assertTrue(text.startsWith("NAME"), text);
        assertTrue(text.contains("\n" + img + " "), text);
        assertTrue(text.contains("\n  " + img + "#3 "), text);
        assertTrue(text.contains("Windows C"), text);
    }

    @Test
    void aMissingImageFileIsAFailureThatSaysSo() {
        Context ctx = new Context(false);
        int exit = new DevicesCommand(List.of(provider), provider).run(List.of("--image", dir.resolve("gone.img").toString()),
                ctx);
        assertEquals(1, exit);
        assertTrue(ctx.err.toString(StandardCharsets.UTF_8).contains("does not exist"));
    }

    @Test
    void unknownArgumentsAreUsageErrors() {
        Context ctx = new Context(false);
        assertEquals(2, new DevicesCommand(List.of(provider), provider).run(List.of("--all"), ctx));
        assertEquals(2, new DevicesCommand(List.of(provider), provider).run(List.of("--image"), ctx));
    }

    @Test
    void aProviderThatCannotReadIsReportedByName() {
        DeviceProvider broken = new DeviceProvider() {
            @Override
            public String name() {
                return "Broken provider";
            }

            @Override
            public List<Device> devices() throws IOException {
                throw new IOException("/sys is not mounted");
            }

            @Override
            public void addListener(DeviceListener listener) {
            }

            @Override
            public void removeListener(DeviceListener listener) {
            }
        };
        Context ctx = new Context(false);
        assertEquals(1, new DevicesCommand(List.of(broken), null).run(List.of(), ctx));
        assertTrue(ctx.err.toString(StandardCharsets.UTF_8).contains("Broken provider: /sys is not mounted"));
    }

    @Test
    void sizesReadLikeLsblk() {
        assertEquals("512B", DeviceTable.human(512));
        assertEquals("1.5K", DeviceTable.human(1536));
        assertEquals("100M", DeviceTable.human(100L << 20));
        assertEquals("256G", DeviceTable.human(274877906944L));
    }
}
