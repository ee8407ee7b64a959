package be.ocmw.merge.web.internal;

import be.ocmw.merge.audit.AuditChain;
import be.ocmw.merge.notify.Outbox;
import be.ocmw.merge.registry.Registry;
import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.scheduling.NightlyAttempts;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.web.WebSettings;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.Mockito.when;

/**
 * A web slice of one controller ({@code @WebMvcTest(TheController.class)} on the subclass): the real pages and
 * security, and stand-ins for what every page asks (the registry, as shipped; the alarms of the audit chain, the
 * nights and the outbox, all quiet). The subclass stands in for what its controller asks.
 */
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
abstract class WebSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Registry registry;

    @MockitoBean
    WebSettings settings;

    @MockitoBean
    AuditChain auditChain;

    @MockitoBean
    NightlyAttempts nights;

    @MockitoBean
    Outbox outbox;

    @BeforeEach
    void shippedRegistry() {
        when(registry.current()).thenReturn(RegistryLoader.load(Registries.shipped()).registry());
    }
}
