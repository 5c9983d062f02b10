package fr.recouvrement;

import fr.recouvrement.coverage.CoverageConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one application context the H2 integration tests share: every test class that boots the app
 * uses exactly this annotation and nothing that would fork another context (no @MockBean, no extra
 * properties), so the suite starts Spring and Camunda once. SMTP, Twilio and the postal provider
 * point at local servers ({@link TestServers}): channels deliver for real in every test. The engine
 * reports the flow nodes it reaches to the suite's model coverage ({@link CoverageConfiguration}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestServers.class)
@Import(CoverageConfiguration.class)
public @interface IntegrationTest {}
