package dev.hikyaku.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test against the whole application and a database of its own (H2, or PostgreSQL in
 * the second Surefire pass), with MockMvc and a controllable clock.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
// Most tests approve through CampaignFlows without a test send and start at once;
// ApprovalWorkflowTests runs with the product's defaults.
@SpringBootTest(
    properties = {"hikyaku.approval.require-test-send=false", "hikyaku.approval.cancel-window=0s"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
@Import({TestClockConfiguration.class, TestDnsConfiguration.class})
public @interface HikyakuTest {}
