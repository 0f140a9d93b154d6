package no.innforing.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectState;
import org.junit.jupiter.api.Test;

/** The timeline's geometry without a server: early starts, moved projects and labels clear of the today line. */
class TimelineTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void anEarlyStartBarRunsFromTheDayItBeganToThePreProject() {
        Timeline timeline = Timeline.of(List.of(row("Kristiansund", "KI4", "KI3", LocalDate.of(2028, 9, 5), TODAY)),
                TODAY);

        Timeline.Bar early = timeline.bars().get(0);
        assertThat(early.css()).isEqualTo("bar-early");
        assertThat(early.x()).isEqualTo(timeline.today().x());
        assertThat(early.title()).isEqualTo("Kristiansund (KI4): tjuvstart 02.03.2026–05.02.2027");
        assertThat(timeline.bars().get(1).x()).isEqualTo(early.x() + early.width());
        assertThat(timeline.rowLabels().get(0).text()).isEqualTo("Kristiansund · KI4 (fra KI3)");
    }

    @Test
    void aWaveLabelThatWouldCrossTheTodayLineIsDrawnOnTheOtherSide() {
        Timeline timeline = Timeline.of(List.of(row("Trondheim", "PD1", "PD1", TODAY.minusDays(3), null),
                row("Aure", "KI3", "KI3", LocalDate.of(2028, 3, 31), null)), TODAY);

        assertThat(timeline.waveLines()).extracting(Timeline.Line::label, Timeline.Line::anchor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PD1 27.02.2026", "end"),
                        org.assertj.core.groups.Tuple.tuple("KI3 31.03.2028", "start"));
    }

    private static OverviewService.Row row(String name, String wave, String originalWave, LocalDate goLive,
            LocalDate earlyStart) {
        return new OverviewService.Row("1505", name, "Møre og Romsdal", wave, wave, ProjectState.ACTIVE, "Aktiv", null,
                "–", null, null, 0, List.of(), OverviewService.Light.GREEN, "pi", ProjectSchedule.forGoLive(goLive),
                false, List.of(), originalWave, earlyStart);
    }
}
