package no.innforing.project;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's XML datatype factory as the one to use, so that {@link DatatypeFactory#newInstance()} stops
 * searching the class path for another one every time it is called. Camunda calls it for every ISO 8601 duration it
 * parses, and the BPMN's asynchronous service tasks take their retry cycle from an expression
 * ({@code ${notifications.retryCycle()}}), which the engine evaluates and parses again for every job it creates: a
 * search of every jar (299 in the tests, nested jars in the packaged app) for
 * {@code META-INF/services/javax.xml.datatype.DatatypeFactory} each time, a sixth of the CPU samples of a timer that
 * opens a phase (PlatformOverheadBenchmark, JFR). No jar provides one, so the search always ends with the JDK's own,
 * which is the one named here; a factory set with {@code -Djavax.xml.datatype.DatatypeFactory} is left as it is.
 */
@Component
class DatatypeFactoryOnce extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }
}
