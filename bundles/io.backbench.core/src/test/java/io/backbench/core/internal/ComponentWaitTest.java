package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.dto.ServiceReferenceDTO;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** When a started plugin's components count as set up, from what SCR reports about them. */
class ComponentWaitTest {
    private final List<ComponentDescriptionDTO> descriptions = new ArrayList<>();
    private final Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> configurations = new HashMap<>();
    private final List<ComponentDescriptionDTO> disabled = new ArrayList<>();

    private boolean settled() {
        return ComponentWait.settled(descriptions, d -> !disabled.contains(d), d -> configurations.getOrDefault(d, List.of()));
    }

    @Test
    void notSetUpWhileScrHasNotReadTheBundle() {
        assertFalse(settled());
    }

    @Test
    void aServiceComponentIsSetUpOnlyOnceItsServiceIsRegistered() {
        ComponentDescriptionDTO d = description("factory", "io.backbench.target.api.TargetFactory");
        ComponentConfigurationDTO c = configuration(d, ComponentConfigurationDTO.SATISFIED);
        assertFalse(settled(), "satisfied, service not yet registered");
        c.service = new ServiceReferenceDTO();
        assertTrue(settled());
    }

    @Test
    void aComponentWaitingForAReferenceIsNotSetUp() {
        ComponentDescriptionDTO d = description("view", "io.backbench.ui.api.ViewContribution");
        configuration(d, ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        assertFalse(settled());
    }

    @Test
    void aComponentWithoutConfigurationsYetIsNotSetUpUnlessItRequiresOne() {
        ComponentDescriptionDTO d = description("c");
        assertFalse(settled());
        d.configurationPolicy = "require";
        assertTrue(settled(), "a component that waits for ConfigAdmin may wait for ever");
    }

    @Test
    void disabledFactoryAndFailedComponentsDoNotHoldTheWait() {
        disabled.add(description("off", "a.B"));
        description("factory", "a.B").factory = "a.factory";
        configuration(description("broken", "a.B"), ComponentConfigurationDTO.FAILED_ACTIVATION);
        configuration(description("immediate"), ComponentConfigurationDTO.ACTIVE);
        assertTrue(settled());
    }

    private ComponentDescriptionDTO description(String name, String... services) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = name;
        d.serviceInterfaces = services;
        d.configurationPolicy = "optional";
        descriptions.add(d);
        return d;
    }

    private ComponentConfigurationDTO configuration(ComponentDescriptionDTO d, int state) {
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.description = d;
        c.state = state;
        configurations.computeIfAbsent(d, k -> new ArrayList<>()).add(c);
        return c;
    }
}
