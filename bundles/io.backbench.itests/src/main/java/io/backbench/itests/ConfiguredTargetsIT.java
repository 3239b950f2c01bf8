package io.backbench.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.DataFolders;
import io.backbench.target.api.StorageTarget;

/**
 * Configured targets in the running product: added through the CLI, kept in the data folder, still
 * there after the component that holds them is made anew (nothing lives only in memory), and opened
 * as {@code target:NAME} by the one resolver; the cloud feature's S3 type is installed.
 */
class ConfiguredTargetsIT {

    @Test
    void aTargetAddedByTheCliSurvivesARestartOfItsComponentAndOpensByName() throws Exception {
        Path folder = Files.createTempDirectory("backbench-it-nas");
        CommandLineClient.Result add = CommandLineClient.run("targets", "add", "nas-it", "disk", "path=" + folder, "fsync=false");
        assertEquals(0, add.code(), add.toString());
        Path file = Framework.service(DataFolders.class).config().resolve("targets/nas-it.properties");
        assertTrue(Files.isRegularFile(file), "the target is kept in " + file);

        ConfiguredTargets before = Framework.service(ConfiguredTargets.class);
        restart("io.backbench.core.internal.ConfiguredTargetsComponent");
        ConfiguredTargets after = Framework.service(ConfiguredTargets.class);
        assertNotSame(before, after, "the component was made anew");

        assertEquals("disk", after.find("nas-it").orElseThrow().type());
        try (StorageTarget target = after.open("target:nas-it")) {
            target.put("config", new byte[] {7, 7});
        }
        assertArrayEquals(new byte[] {7, 7}, Files.readAllBytes(folder.resolve("config")));

        CommandLineClient.Result list = CommandLineClient.run("targets", "list");
        assertTrue(list.code() == 0 && list.out().contains("nas-it") && list.out().contains(folder.toString()), list.toString());
        CommandLineClient.Result remove = CommandLineClient.run("targets", "remove", "nas-it");
        assertEquals(0, remove.code(), remove.toString());
        assertTrue(after.find("nas-it").isEmpty());
    }

    @Test
    void theCloudFeatureAddsTheS3TargetType() {
        CommandLineClient.Result types = CommandLineClient.run("targets", "types");
        assertEquals(0, types.code(), types.toString());
        assertTrue(types.out().contains("s3 - S3-compatible object storage  (provided by io.backbench.target.s3"), types.out());
    }

    /** Disables and enables one DS component: its instance is dropped and a new one made, as at start-up. */
    private static void restart(String componentName) throws Exception {
        ServiceComponentRuntime scr = Framework.service(ServiceComponentRuntime.class);
        Bundle core = java.util.Arrays.stream(Framework.context().getBundles())
                .filter(b -> "io.backbench.core".equals(b.getSymbolicName())).findFirst().orElseThrow();
        ComponentDescriptionDTO d = scr.getComponentDescriptionDTO(core, componentName);
        if (d == null) {
            throw new AssertionError("no component " + componentName + " in " + core);
        }
        scr.disableComponent(d).getValue();
        assertTrue(Framework.within(Framework.SERVICE_WAIT,
                () -> Framework.context().getServiceReference(ConfiguredTargets.class) == null), "the service went away");
        scr.enableComponent(d).getValue();
    }
}
