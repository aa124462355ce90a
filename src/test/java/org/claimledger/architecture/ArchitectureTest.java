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

    /** The read models: every feature's view package, and the pages built on them. */
    static final String[] READ_SIDE = {"..view..", "org.claimledger.pages.."};

    @Test
    void read_models_and_pages_do_not_import_the_axon_wiring() {
        noClasses().that().resideInAnyPackage(READ_SIDE)
                .should().dependOnClassesThat().resideInAPackage("org.claimledger.axon..")
                .because("the read-model contract (Projection, BulkCatchUp, CommittedPositions) lives in readmodel")
                .check(classes);
    }

    @Test
    void pages_and_read_models_reach_the_log_only_through_the_fold() {
        noClasses().that().resideInAnyPackage(READ_SIDE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.axonframework.eventsourcing..", "org.axonframework.serialization..")
                .because("the event log is read through verdict.log.VerdictLog, which folds it with the Dossier")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.claimledger.axon..", "org.claimledger.verdict.log..")
                .should().dependOnClassesThat().areAssignableTo(org.axonframework.serialization.Serializer.class)
                .because("only the wiring and the fold's log reader turn stored rows back into events")
                .check(classes);
    }

    @Test
    void the_read_model_contract_knows_no_wiring() {
        noClasses().that().resideInAPackage("org.claimledger.readmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.claimledger.axon..", "io.quarkus..")
                .check(classes);
    }

    /**
     * ArchUnit sees types, not SQL: the event table's name in any source file but the wiring's and
     * the fold's log reader is a read of the log of its own.
     */
    @Test
    void no_sql_of_its_own_reads_the_event_log() throws java.io.IOException {
        java.nio.file.Path main = java.nio.file.Path.of("src", "main", "java");
        try (var files = java.nio.file.Files.walk(main)) {
            java.util.List<String> readers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try {
                            return java.nio.file.Files.readString(f).contains("domain_event_entry");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(f -> main.relativize(f).toString().replace('\\', '/')).sorted().toList();
            org.assertj.core.api.Assertions.assertThat(readers).isNotEmpty().allMatch(f ->
                    f.startsWith("org/claimledger/axon/") || f.startsWith("org/claimledger/verdict/log/"));
        }
    }
}
