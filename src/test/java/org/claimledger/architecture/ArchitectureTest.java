package org.claimledger.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain (aggregates, commands, events, value words) knows Axon's annotations and nothing of
 * Quarkus, HTTP or JDBC: it can be read, tested and moved without the framework around it.
 */
class ArchitectureTest {

    static final String[] DOMAIN = {
            "org.claimledger.common", "org.claimledger.source", "org.claimledger.claim",
            "org.claimledger.proposition", "org.claimledger.entity", "org.claimledger.verdict"};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.claimledger");
    }

    @Test
    void the_domain_knows_neither_quarkus_nor_http_nor_jdbc() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.quarkiverse..", "jakarta.ws.rs..", "jakarta.enterprise..",
                        "jakarta.inject..", "jakarta.transaction..", "java.sql..", "javax.sql..", "io.agroal..",
                        "org.postgresql..", "org.flywaydb..", "io.vertx..", "org.claimledger.axon..",
                        "org.claimledger.web..", "org.claimledger.store..", "org.claimledger.embedded..")
                .because("the domain must not know Quarkus or JDBC");
        rule.check(classes);
    }

    @Test
    void the_domain_does_not_reach_into_views_or_http() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("..view..", "..http..")
                .check(classes);
    }

    @Test
    void only_the_wiring_builds_axon_configuration() {
        noClasses().that().resideOutsideOfPackage("org.claimledger.axon..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                                "org.axonframework.eventsourcing.eventstore.jdbc..",
                                "org.axonframework.eventhandling.tokenstore..",
                                "org.axonframework.common.jdbc..")
                        .or(JavaClass.Predicates.assignableTo(org.axonframework.config.Configurer.class))
                        .or(JavaClass.Predicates.assignableTo(org.axonframework.config.Configuration.class)))
                .because("Axon is configured in one place")
                .check(classes);
    }
}
