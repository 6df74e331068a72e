package io.propertyimages.it;

import java.io.File;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Arquillian tests share: the WAR that {@code mvn package} built, deployed as it is on the test server, and
 * the tests running outside the server as its clients (over HTTP, through the command-line client or a browser).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedApplicationTest {
    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/property-images.war"));
    }
}
