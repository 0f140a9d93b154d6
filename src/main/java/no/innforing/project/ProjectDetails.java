package no.innforing.project;

/**
 * More about a project that another feature knows (the notification log, planned reminders …): the project API
 * adds each contributor's details under its name, without the project feature depending on that feature.
 */
public interface ProjectDetails {

    String name();

    Object detailsOf(ImplementationProject project);
}
