package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.fixture.Cap.CNode;
import io.floe.fixture.Cap.Node;
import io.floe.fixture.Cap._default;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Type ids to generated classes, as Ice for Java maps them (Ice.Package.*, Ice.Default.Package). */
@Timeout(30)
class ClassNameValueFactoryTest {
    @Test
    void aModulePackagePrefixesTheClassName() {
        ValueFactory factory = new ClassNameValueFactory(Map.of("Cap", "io.floe.fixture"), "");

        assertThat(factory.create("::Cap::Node")).isExactlyInstanceOf(Node.class);
        assertThat(factory.create("::Cap::Nobody")).isNull();
        assertThat(factory.create("::Other::Node")).isNull();
    }

    @Test
    void aJavaKeywordInATypeIdNamesTheEscapedClassTheCompilerGenerates() {
        ValueFactory factory = new ClassNameValueFactory(Map.of("Cap", "io.floe.fixture"), "");

        assertThat(factory.create("::Cap::default")).isExactlyInstanceOf(_default.class);
        assertThat(factory.create("::Cap::_default")).as("not a Slice name").isNull();
    }

    @Test
    void theDefaultPackageAppliesToModulesWithoutOne() {
        ValueFactory factory = new ClassNameValueFactory(Map.of(), "io.floe.fixture");

        assertThat(factory.create("::Cap::Node")).isExactlyInstanceOf(Node.class);
        assertThat(factory.resolveCompactId(7)).isEqualTo(CNode.TYPE_ID);
        assertThat(factory.resolveCompactId(8)).isNull();
    }

    @Test
    void eachLookupMakesANewInstanceAndMissesStayMisses() {
        ValueFactory factory = new ClassNameValueFactory(Map.of("Cap", "io.floe.fixture"), "");

        assertThat(factory.create("::Cap::Node")).isNotSameAs(factory.create("::Cap::Node"));
        assertThat(factory.create("::Cap::Nobody")).isNull();
        assertThat(factory.create("::Cap::Nobody")).isNull();
    }

    @Test
    void typeIdsThatNameNoJavaClassOrNoValueAreUnknown() {
        ValueFactory factory = new ClassNameValueFactory(Map.of("Cap", "io.floe.fixture"), "");

        assertThat(factory.create("Cap::Node")).isNull();
        assertThat(factory.create("::Cap::")).isNull();
        assertThat(factory.create("::Cap::No-de")).isNull();
        assertThat(factory.create("::java::lang::String")).isNull();
        assertThat(factory.create("::io::floe::Value")).isNull(); // abstract
        assertThat(factory.create("::Ice::Object")).isNull();
    }
}
