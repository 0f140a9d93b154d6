#!/usr/bin/env python3
"""Writes the diagram (BPMN DI) and the lanes of bpmn/municipal-implementation.bpmn.

Not part of the product: a one-off tool kept beside the tests so that the layout can be regenerated after the process
changes (add the new element's place below, run `python3 src/test/layout/municipal_implementation_layout.py`, look at
it in Cockpit or with CockpitDiagramBrowserTests). It replaces every <bpmndi:BPMNDiagram> and every <bpmn:laneSet> of
the file and touches nothing else; it fails if a flow node or sequence flow of a plane has no place.

The layout: the top level shows the seven phases as collapsed subprocesses on two rows (Cockpit opens a diagram
fitted to its pane, about 1060 x 280 px on a 1400 x 900 screen, so the top level must stay about 1350 x 360 to be
read at about 0.8), the municipality's lane above RAG's, RAG's decisions after no-go and a missed deadline in RAG's lane; each phase is a plane of its own (Cockpit's drill-down arrow), the
service agreement and go-live planes with their own lanes for the municipality's work and RAG's decisions.
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

BPMN = Path(__file__).resolve().parents[3] / "bpmn" / "municipal-implementation.bpmn"
NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL"}
EVENT, GATEWAY = 36, 50
CHAR = 5.6          # average width of an 11 px Arial character in Norwegian text, for label boxes
LINE = 14           # line height of an external label
LABEL_WIDTH = 90    # bpmn-js wraps external labels at 90 px


class Plane:
    def __init__(self, element_id):
        self.id = element_id
        self.shapes = {}   # id -> (x, y, w, h, extra attrs, label)
        self.edges = {}    # id -> (points, label)
        self.order = []

    # --- shapes, placed by their centre -------------------------------------------------------------------------
    def box(self, element_id, cx, cy, w, h, expanded=None, label=None, horizontal=None):
        attrs = ""
        if expanded is not None:
            attrs += f' isExpanded="{str(expanded).lower()}"'
        if horizontal is not None:
            attrs += f' isHorizontal="{str(horizontal).lower()}"'
        self.shapes[element_id] = (cx - w / 2, cy - h / 2, w, h, attrs, label)
        self.order.append(("shape", element_id))
        return Box(cx - w / 2, cy - h / 2, w, h)

    def rect(self, element_id, x, y, w, h, **kw):
        return self.box(element_id, x + w / 2, y + h / 2, w, h, **kw)

    def event(self, element_id, cx, cy, text=None, where="below"):
        """`where`: a side of the event, or the (x, y) of the label's top-left corner."""
        return self.box(element_id, cx, cy, EVENT, EVENT, label=label(text, cx, cy, EVENT, where))

    def gateway(self, element_id, cx, cy, text=None, where="above"):
        return self.box(element_id, cx, cy, GATEWAY, GATEWAY, label=label(text, cx, cy, GATEWAY, where))

    def edge(self, element_id, *points, text=None, at=None):
        """A sequence flow through the points; text is placed with its top-left corner at `at`."""
        lab = None
        if text:
            w, h = text_size(text)
            lab = (at[0], at[1], w, h)
        self.edges[element_id] = ([p for p in points], lab)
        self.order.append(("edge", element_id))

    def xml(self, diagram_id):
        out = [f'  <bpmndi:BPMNDiagram id="{diagram_id}">',
               f'    <bpmndi:BPMNPlane id="{diagram_id}_Plane" bpmnElement="{self.id}">']
        for kind, element_id in self.order:
            if kind == "shape":
                x, y, w, h, attrs, lab = self.shapes[element_id]
                out.append(f'      <bpmndi:BPMNShape id="{element_id}_di" bpmnElement="{element_id}"{attrs}>')
                out.append(f'        <dc:Bounds x="{r(x)}" y="{r(y)}" width="{r(w)}" height="{r(h)}" />')
                if lab:
                    out.append('        <bpmndi:BPMNLabel><dc:Bounds x="%s" y="%s" width="%s" height="%s" />'
                               '</bpmndi:BPMNLabel>' % tuple(r(v) for v in lab))
                out.append('      </bpmndi:BPMNShape>')
            else:
                points, lab = self.edges[element_id]
                out.append(f'      <bpmndi:BPMNEdge id="{element_id}_di" bpmnElement="{element_id}">')
                for px, py in points:
                    out.append(f'        <di:waypoint x="{r(px)}" y="{r(py)}" />')
                if lab:
                    out.append('        <bpmndi:BPMNLabel><dc:Bounds x="%s" y="%s" width="%s" height="%s" />'
                               '</bpmndi:BPMNLabel>' % tuple(r(v) for v in lab))
                out.append('      </bpmndi:BPMNEdge>')
        out.append('    </bpmndi:BPMNPlane>')
        out.append('  </bpmndi:BPMNDiagram>')
        return "\n".join(out)


class Box:
    def __init__(self, x, y, w, h):
        self.x, self.y, self.w, self.h = x, y, w, h
        self.cx, self.cy = x + w / 2, y + h / 2

    @property
    def left(self):
        return (self.x, self.cy)

    @property
    def right(self):
        return (self.x + self.w, self.cy)

    @property
    def top(self):
        return (self.cx, self.y)

    @property
    def bottom(self):
        return (self.cx, self.y + self.h)


def r(v):
    return str(int(round(v)))


def text_size(text):
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = (line + " " + word).strip()
        if len(candidate) * CHAR > LABEL_WIDTH and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return max(len(l) for l in lines) * CHAR, len(lines) * LINE


def label(text, cx, cy, size, where):
    if not text:
        return None
    w, h = text_size(text)
    gap = 4
    if isinstance(where, tuple):
        return (where[0], where[1], w, h)
    if where == "below":
        return (cx - w / 2, cy + size / 2 + gap, w, h)
    if where == "above":
        return (cx - w / 2, cy - size / 2 - gap - h, w, h)
    if where == "right":
        return (cx + size / 2 + gap, cy - h / 2, w, h)
    if where == "left":
        return (cx - size / 2 - gap - w, cy - h / 2, w, h)
    if where == "below-left":
        return (cx - size / 2 - w, cy + size / 2 + gap, w, h)
    if where == "below-right":
        return (cx + size / 2 - 4, cy + size / 2 + gap, w, h)
    raise ValueError(where)


def h_path(a, b):
    """From a's right side to b's left side, bending in the middle when they are not level."""
    (x1, y1), (x2, y2) = a.right, b.left
    if abs(y1 - y2) < 1:
        return [(x1, y1), (x2, y2)]
    mid = (x1 + x2) / 2
    return [(x1, y1), (mid, y1), (mid, y2), (x2, y2)]


# ================================================================================================ the top level
def top_level():
    """Two rows in the municipality's lane, RAG's lane below with its decisions: a new wave after no-go (under the
    go-live phase, its way back straight up into the phase's merge) and ending a project after a missed deadline.
    About 1350 x 350, so that Cockpit's fitted zoom (pane about 1060 x 280 px) is close to 0.8. Cockpit draws its
    statistics switch over the top right corner and its zoom buttons over the right edge below the first row: nothing
    to read goes there."""
    p = Plane("municipal-implementation")
    W, PH, PW = 1350, 80, 120           # width of the lanes, phase box height and width
    R1, R2 = 80, 226                    # centre lines of the two rows
    LANE_SPLIT, LANE_END = 288, 352
    p.rect("Lane_Municipality", 0, 0, W, LANE_SPLIT, horizontal=True)
    p.rect("Lane_Rag", 0, LANE_SPLIT, W, LANE_END - LANE_SPLIT, horizontal=True)

    # Row 1: registration to the service agreement's outcome
    start = p.event("StartEvent_ProjectRegistered", 68, R1, "Prosjekt registrert")
    fork = p.gateway("Gateway_Fork", 131, R1)
    pol = p.box("SubProcess_PoliticalDecision", 236, R1, PW, PH, expanded=False)
    joined = p.gateway("Gateway_CouncilJoined", 336, R1, "Kommunen deltar?", where="below")
    early = p.gateway("Gateway_EarlyStart", 411, R1, "Tjuvstart?", where="above")
    early_sp = p.box("SubProcess_EarlyStart", 521, R1, PW, PH, expanded=False)
    # straight under the early-start question, its label beside its outgoing flow
    pre_timer = p.event("Timer_PreProjectStart", early.cx, R1 + 55, "Oppstart forprosjekt", where=(433, R1 + 59))
    pre_merge = p.gateway("Gateway_PreProjectMerge", 611, R1)
    pre = p.box("SubProcess_PreProject", 716, R1, PW, PH, expanded=False)
    # on the phase's right edge: its label below the phase, clear of the drill-down arrow at the corner
    due = p.event("Timer_ServiceAgreementDueInPreProject", pre.x + PW, R1 + 22, "Frist for tjenesteavtale passert",
                  where="below-left")
    sa_merge = p.gateway("Gateway_ServiceAgreementMerge", 826, R1)
    sa = p.box("SubProcess_ServiceAgreement", 931, R1, PW, PH, expanded=False)
    outcome = p.gateway("Gateway_ServiceAgreementOutcome", 1036, R1, "Utfall", where="below-right")
    w_merge = p.gateway("Gateway_WithdrawalMerge", 1121, R1)
    record_w = p.box("ServiceTask_RecordWithdrawal", 1216, R1, 100, 60)
    end_w = p.event("EndEvent_Withdrawn", 1306, R1, "Kommunen har fratrådt")
    DECLINED = R1 - 50

    p.edge("Flow_ProjectRegistered", start.right, fork.left)
    p.edge("Flow_ToPhases", fork.right, pol.left)
    p.edge("Flow_PoliticalDecisionDone", pol.right, joined.left)
    p.edge("Flow_Joined", joined.right, early.left, text="Ja", at=(364, R1 - 18))
    p.edge("Flow_Declined", joined.top, (joined.cx, DECLINED), (w_merge.cx, DECLINED), w_merge.top, text="Nei",
           at=(341, DECLINED + 4))
    p.edge("Flow_EarlyStartYes", early.right, early_sp.left, text="Ja", at=(439, R1 - 18))
    p.edge("Flow_EarlyStartNo", early.bottom, pre_timer.top, text="Nei", at=(374, R1 + 24))
    p.edge("Flow_EarlyStartDone", early_sp.right, pre_merge.left)
    p.edge("Flow_PreProjectDue", pre_timer.right, (pre_merge.cx, pre_timer.cy), pre_merge.bottom)
    p.edge("Flow_ToPreProject", pre_merge.right, pre.left)
    p.edge("Flow_PreProjectDone", pre.right, sa_merge.left)
    p.edge("Flow_DeadlinePassedInPreProject", due.bottom, (due.cx, R1 + 52), (sa_merge.cx, R1 + 52), sa_merge.bottom)
    p.edge("Flow_ToServiceAgreement", sa_merge.right, sa.left)
    p.edge("Flow_ServiceAgreementDone", sa.right, outcome.left)
    p.edge("Flow_OutcomeWithdrawn", outcome.right, w_merge.left, text="Fratrådt", at=(1062, R1 - 20))
    p.edge("Flow_ToRecordWithdrawal", w_merge.right, record_w.left)
    p.edge("Flow_WithdrawalRecorded", record_w.right, end_w.left)

    # Row 2: the main project to the end; the reminders under the fork
    CORRIDOR = R1 + 96
    reminders = p.box("SubProcess_ServiceAgreementReminders", fork.cx, R2 - 8, 110, 66, expanded=False)
    settled = p.event("Condition_ServiceAgreementSettled", reminders.x + reminders.w, R2 + 10, "Avtalen er avklart",
                      where="below-left")
    reminders_done = p.event("EndEvent_RemindersDone", 232, R2 - 26, "Påminnelser ferdig", where="right")
    reminders_stopped = p.event("EndEvent_RemindersStopped", 232, settled.cy, "Påminnelser stoppet", where="right")
    p.edge("Flow_ToReminders", fork.bottom, reminders.top)
    p.edge("Flow_RemindersDone", (reminders.x + reminders.w, reminders_done.cy), reminders_done.left)
    p.edge("Flow_RemindersStopped", settled.right, reminders_stopped.left)

    main_timer = p.event("Timer_MainProjectStart", 356, R2, "Oppstart hovedprosjekt")
    main_merge = p.gateway("Gateway_MainProjectMerge", 420, R2)
    main = p.box("SubProcess_MainProject", 515, R2, PW, PH, expanded=False)
    go_merge = p.gateway("Gateway_GoLiveMerge", 620, R2)
    go = p.box("SubProcess_GoLive", 780, R2, PW, PH, expanded=False)
    no_go = p.event("Error_NoGo", go.x + 40, go.y + PH, "No-go", where=(go.x + 62, go.y + PH + 3))
    st_merge = p.gateway("Gateway_StabilizationMerge", 870, R2)
    st = p.box("SubProcess_Stabilization", 965, R2, 110, PH, expanded=False)
    record_c = p.box("ServiceTask_RecordCompletion", 1080, R2, 90, 66)
    end_c = p.event("EndEvent_Completed", 1160, R2, "Prosjekt fullført")
    p.edge("Flow_OutcomeSigned", outcome.bottom, (outcome.cx, CORRIDOR), (main_timer.cx, CORRIDOR), main_timer.top,
           text="Signert", at=(990, CORRIDOR + 3))
    p.edge("Flow_MainProjectDue", main_timer.right, main_merge.left)
    p.edge("Flow_ToMainProject", main_merge.right, main.left)
    p.edge("Flow_MainProjectDone", main.right, go_merge.left)
    p.edge("Flow_ToGoLive", go_merge.right, go.left)
    p.edge("Flow_GoLiveDone", go.right, st_merge.left)
    p.edge("Flow_ToStabilization", st_merge.right, st.left)
    p.edge("Flow_StabilizationDone", st.right, record_c.left)
    p.edge("Flow_CompletionRecorded", record_c.right, end_c.left)

    # Withdrawal on request at any time until the deadline: at the end of the second row
    p.box("SubProcess_WithdrawalOnRequest", 1252, R2 - 4, 80, 60, expanded=False)

    # RAG's lane: a new wave after no-go, back into the go-live phase; ending the project after a missed deadline
    RAG = 316
    # the user task wide enough that its two lines stay clear of its icon; the move clear of the main project's
    # drill-down arrow, its way back straight up into the merge
    decide = p.box("Task_DecideAfterNoGo", no_go.cx, RAG, 120, 52)
    move = p.box("ServiceTask_MoveToLaterWaveAfterNoGo", go_merge.cx + 25, RAG, 90, 46)
    p.edge("Flow_ToDecideAfterNoGo", no_go.bottom, decide.top)
    p.edge("Flow_NewWaveChosen", decide.left, move.right)
    p.edge("Flow_MovedAfterNoGo", (go_merge.cx, move.y), go_merge.bottom)
    DROP = 1198
    record_t = p.box("ServiceTask_RecordTermination", DROP, RAG, 90, 40)
    end_t = p.event("EndEvent_EndedByRag", 1275, RAG, "Avsluttet av RAG", where="below")
    p.edge("Flow_OutcomeEnded", outcome.bottom, (outcome.cx, CORRIDOR), (DROP, CORRIDOR), record_t.top,
           text="Avsluttet", at=(1110, CORRIDOR + 3))
    p.edge("Flow_TerminationRecorded", record_t.right, end_t.left)
    return p


# ================================================================================================ the phases
TW, TH = 150, 80        # tasks inside the phases
TALL = 100              # a task whose name takes three lines: the text stays clear of the task's icon
STEP = 200              # distance between the centres of neighbouring tasks
FH, FW, PITCH = 70, 190, 80  # parallel tasks in a fan: wide enough that a one-line name stays clear of
                              # the task's icon, rows closer, so that the phase opens at about 0.7


def political_decision():
    p = Plane("SubProcess_PoliticalDecision")
    R = 100
    s = p.event("StartEvent_PoliticalDecision", 80, R)
    t1 = p.box("Task_RegisterPoliticalDecision", 210, R, TW, TH)
    g = p.gateway("Gateway_CouncilDecision", 360, R, "Vedtak om å delta?")
    t2 = p.box("Task_SignCallOffAgreement", 500, R, TW, TH)
    t3 = p.box("ServiceTask_RecordCallOffAgreement", 700, R, TW, TH)
    e1 = p.event("EndEvent_PoliticalDecisionDone", 840, R, "Avropsavtale signert")
    e2 = p.event("EndEvent_CouncilDeclined", 500, R + 120, "Kommunen deltar ikke")
    p.edge("Flow_PoliticalDecisionStarted", s.right, t1.left)
    p.edge("Flow_DecisionRegistered", t1.right, g.left)
    p.edge("Flow_CouncilJoins", g.right, t2.left, text="Ja", at=(390, R - 18))
    p.edge("Flow_CouncilDeclines", g.bottom, (g.cx, e2.cy), e2.left, text="Nei", at=(366, R + 40))
    p.edge("Flow_CallOffSigned", t2.right, t3.left)
    p.edge("Flow_CallOffRecorded", t3.right, e1.left)
    return p


def early_start():
    p = Plane("SubProcess_EarlyStart")
    R = 100
    s = p.event("StartEvent_EarlyStart", 80, R)
    t = p.box("Task_PlanEarlyStart", 210, R, TW, TH)
    e = p.event("EndEvent_EarlyStartPlanned", 340, R, "Tjuvstart planlagt")
    p.edge("Flow_EarlyStartStarted", s.right, t.left)
    p.edge("Flow_EarlyStartPlanned", t.right, e.left)
    return p


def fan(p, split, join, branches, flows_in, flows_out):
    """Parallel branches from split to join, one row each, the middle one level with both."""
    for box_, fin, fout in zip(branches, flows_in, flows_out):
        if abs(box_.cy - split.cy) < 1:
            p.edge(fin, split.right, box_.left)
        else:
            p.edge(fin, split.top if box_.cy < split.cy else split.bottom, (split.cx, box_.cy), box_.left)
        if fout is None:
            continue
        if abs(box_.cy - join.cy) < 1:
            p.edge(fout, box_.right, join.left)
        else:
            p.edge(fout, box_.right, (join.cx, box_.cy), join.top if box_.cy < join.cy else join.bottom)


def pre_project():
    p = Plane("SubProcess_PreProject")
    R = 200
    s = p.event("StartEvent_PreProject", 80, R)
    n = p.box("ServiceTask_NotifyPhaseStartedPreProject", 210, R, TW, TH)
    t = p.box("Task_EstablishProjectOrganisation", 410, R, TW, TALL)
    split = p.gateway("Gateway_PreProjectSplit", 550, R)
    rows = [R + i * PITCH for i in (-2, -1, 0, 1, 2)]
    maturity = p.box("Task_MaturityAnalysis", 690, rows[0], FW, FH)
    risk = p.box("Task_RiskAnalysis", 690, rows[1], FW, FH)
    comm = p.box("Task_CommunicationPlan", 690, rows[2], FW, FH)
    systems = p.box("Task_MapCurrentSystems", 690, rows[3], FW, FH)
    benefit = p.box("Task_BenefitPlan", 690, rows[4], FW, FH)
    save = p.box("ServiceTask_SaveBenefitPlan", 900, rows[4], TW, FH)
    join = p.gateway("Gateway_PreProjectJoin", 1030, R)
    e = p.event("EndEvent_PreProjectDone", 1120, R, "Forprosjekt gjennomført")
    p.edge("Flow_PreProjectStarted", s.right, n.left)
    p.edge("Flow_PreProjectAnnounced", n.right, t.left)
    p.edge("Flow_OrganisationEstablished", t.right, split.left)
    fan(p, split, join, [maturity, risk, comm, systems, benefit],
        ["Flow_ToMaturityAnalysis", "Flow_ToRiskAnalysis", "Flow_ToCommunicationPlan", "Flow_ToMapCurrentSystems",
         "Flow_ToBenefitPlan"],
        ["Flow_MaturityAnalysisDone", "Flow_RiskAnalysisDone", "Flow_CommunicationPlanDone",
         "Flow_MapCurrentSystemsDone", None])
    p.edge("Flow_BenefitPlanDone", benefit.right, save.left)
    p.edge("Flow_BenefitPlanSaved", save.right, (join.cx, save.cy), join.bottom)
    p.edge("Flow_PreProjectJoined", join.right, e.left)
    return p


def service_agreement():
    """The municipality signs or withdraws above; RAG's decision after a missed deadline below, its way back to
    the signing task running along the bottom (Cockpit's breadcrumbs cover the top left corner of a phase)."""
    p = Plane("SubProcess_ServiceAgreement")
    W, SPLIT, END = 1100, 190, 386
    p.rect("Lane_ServiceAgreementMunicipality", 0, 0, W, SPLIT, horizontal=True)
    p.rect("Lane_ServiceAgreementRag", 0, SPLIT, W, END - SPLIT, horizontal=True)
    R, LOOP = 60, 378
    s = p.event("StartEvent_ServiceAgreement", 80, R)
    merge = p.gateway("Gateway_SigningMerge", 160, R)
    sign = p.box("Task_SignServiceAgreement", 290, R, TW, TH)
    timer = p.event("Timer_ServiceAgreementDue", 330, R + TH / 2, "Frist for tjenesteavtale passert",
                    where="below-left")
    decided = p.gateway("Gateway_SignOrWithdraw", 430, R, "Signert?", where="above")
    record = p.box("ServiceTask_RecordServiceAgreement", 570, R, TW, TH)
    signed = p.box("ServiceTask_SetOutcomeSigned", 770, R, TW, TH)
    end_signed = p.event("EndEvent_ServiceAgreementSigned", 900, R, "Tjenesteavtale signert")
    withdrawn = p.box("ServiceTask_SetOutcomeWithdrawn", 570, R + 88, TW, 50)
    end_withdrawn = p.event("EndEvent_ServiceAgreementWithdrawn", 700, R + 88, "Kommunen fratrer")
    p.edge("Flow_ServiceAgreementStarted", s.right, merge.left)
    p.edge("Flow_ToSigning", merge.right, sign.left)
    p.edge("Flow_SigningDecided", sign.right, decided.left)
    p.edge("Flow_Signed", decided.right, record.left, text="Signert", at=(458, R - 18))
    p.edge("Flow_WithdrawInstead", decided.bottom, (decided.cx, withdrawn.cy), withdrawn.left, text="Fratrer",
           at=(436, R + 40))
    p.edge("Flow_ServiceAgreementRecorded", record.right, signed.left)
    p.edge("Flow_OutcomeSignedSet", signed.right, end_signed.left)
    p.edge("Flow_OutcomeWithdrawnSet", withdrawn.right, end_withdrawn.left)

    Q = 282
    notify = p.box("ServiceTask_NotifyRagDeadlineMissed", 330, Q, TW, TH)
    decide = p.box("Task_DecideMissedDeadline", 510, Q, TW, TH)
    choice = p.gateway("Gateway_MissedDeadlineDecision", 650, Q, "RAGs beslutning", where="below-left")
    extend = p.box("ServiceTask_GrantExtension", 800, Q - 58, TW, 50)
    ended = p.box("ServiceTask_SetOutcomeEnded", 800, Q, TW, 50)
    end_ended = p.event("EndEvent_ServiceAgreementEnded", 930, Q, "Prosjektet avsluttes", where="below")
    move = p.box("ServiceTask_MoveToLaterWaveAfterMissedDeadline", 800, Q + 58, TW, 50)
    p.edge("Flow_DeadlineMissed", timer.bottom, notify.top)
    p.edge("Flow_RagToldOfMissedDeadline", notify.right, decide.left)
    p.edge("Flow_MissedDeadlineDecided", decide.right, choice.left)
    p.edge("Flow_Extend", choice.top, (choice.cx, extend.cy), extend.left, text="Utsett fristen",
           at=(660, extend.cy - 18))
    p.edge("Flow_EndProject", choice.right, ended.left, text="Avslutt", at=(680, Q - 16))
    p.edge("Flow_MoveWave", choice.bottom, (choice.cx, move.cy), move.left, text="Flytt bølge", at=(660, move.cy + 3))
    p.edge("Flow_OutcomeEndedSet", ended.right, end_ended.left)
    BACK = 1010
    p.edge("Flow_ExtensionGranted", extend.right, (BACK, extend.cy), (BACK, LOOP), (merge.cx, LOOP), merge.bottom)
    p.edge("Flow_MovedAfterMissedDeadline", move.right, (BACK, move.cy), (BACK, LOOP), (merge.cx, LOOP), merge.bottom)
    return p


def main_project():
    p = Plane("SubProcess_MainProject")
    R = 200
    s = p.event("StartEvent_MainProject", 80, R)
    n = p.box("ServiceTask_NotifyPhaseStartedMainProject", 210, R, TW, TH)
    plan = p.box("Task_TrainingPlan", 410, R, TW, TH)
    split = p.gateway("Gateway_MainProjectSplit", 550, R)
    rows = [R + i * PITCH for i in (-2, -1, 0, 1)]
    risks = p.box("Task_ReviewRisksMainProject", 690, rows[0], FW, FH)
    tech = p.box("Task_TechnicalReadiness", 690, rows[1], FW, FH)
    access = p.box("Task_OrderAccess", 690, rows[2], FW, FH)
    adapt = p.box("Task_AdaptWorkProcesses", 690, rows[3], FW, FH)
    TR = rows[3] + FH / 2 + 67
    training = p.rect("SubProcess_Training", 615, TR - 55, 660, 110, expanded=True)
    ts = p.event("StartEvent_Training", 655, TR)
    tn = p.box("ServiceTask_NotifyPhaseStartedTraining", 765, TR, TW, FH)
    super_ = p.box("Task_TrainSuperUsers", 935, TR, TW, FH)
    end_users = p.box("Task_TrainEndUsers", 1105, TR, TW, FH)
    te = p.event("EndEvent_TrainingDone", 1225, TR, "Opplæring gjennomført")
    join = p.gateway("Gateway_MainProjectJoin", 1330, R)
    e = p.event("EndEvent_MainProjectDone", 1420, R, "Hovedprosjekt gjennomført")
    p.edge("Flow_MainProjectStarted", s.right, n.left)
    p.edge("Flow_MainProjectAnnounced", n.right, plan.left)
    p.edge("Flow_TrainingPlanned", plan.right, split.left)
    fan(p, split, join, [risks, tech, access, adapt],
        ["Flow_ToReviewRisksMainProject", "Flow_ToTechnicalReadiness", "Flow_ToOrderAccess",
         "Flow_ToAdaptWorkProcesses"],
        ["Flow_ReviewRisksMainProjectDone", "Flow_TechnicalReadinessDone", "Flow_OrderAccessDone",
         "Flow_AdaptWorkProcessesDone"])
    p.edge("Flow_ToTraining", split.bottom, (split.cx, TR), training.left)
    p.edge("Flow_TrainingDone", training.right, (join.cx, TR), join.bottom)
    p.edge("Flow_TrainingStarted", ts.right, tn.left)
    p.edge("Flow_TrainingAnnounced", tn.right, super_.left)
    p.edge("Flow_SuperUsersTrained", super_.right, end_users.left)
    p.edge("Flow_EndUsersTrained", end_users.right, te.left)
    p.edge("Flow_MainProjectJoined", join.right, e.left)
    return p


def go_live():
    """The municipality's readiness, the decision table and the go path above; the no-go path below, in RAG's lane:
    the notice to RAG, then the phase ends with the no-go error that RAG's decision on the top level catches."""
    p = Plane("SubProcess_GoLive")
    W, SPLIT, END = 1240, 190, 330
    p.rect("Lane_GoLiveMunicipality", 0, 0, W, SPLIT, horizontal=True)
    p.rect("Lane_GoLiveRag", 0, SPLIT, W, END - SPLIT, horizontal=True)
    R = 95
    s = p.event("StartEvent_GoLive", 80, R)
    four = p.event("Timer_GoLiveReadiness", 160, R, "Fire uker før produksjonssetting")
    notify = p.box("ServiceTask_NotifyPhaseStartedGoLiveInFourWeeks", 290, R, TW, TH)
    assess = p.box("Task_AssessGoLiveReadiness", 470, R, TW, TH)
    rule = p.box("BusinessRuleTask_GoLiveDecision", 650, R, TW, TH)
    go = p.gateway("Gateway_GoNoGo", 780, R, "Go?")
    date = p.event("Timer_GoLiveDate", 870, R, "Produksjonssettingsdato")
    cut = p.box("Task_CutOver", 1000, R, TW, TALL)
    end = p.event("EndEvent_WentLive", 1130, R, "I produksjon")
    p.edge("Flow_GoLiveStarted", s.right, four.left)
    p.edge("Flow_ReadinessDue", four.right, notify.left)
    p.edge("Flow_GoLiveInFourWeeksAnnounced", notify.right, assess.left)
    p.edge("Flow_ReadinessAssessed", assess.right, rule.left)
    p.edge("Flow_Decided", rule.right, go.left)
    p.edge("Flow_Go", go.right, date.left, text="Go", at=(808, R - 18))
    p.edge("Flow_GoLiveDay", date.right, cut.left)
    p.edge("Flow_CutOverDone", cut.right, end.left)
    Q = 265
    no_go = p.box("ServiceTask_NotifyRagNoGo", go.cx, Q, TW, TH)
    no_go_end = p.event("EndEvent_NoGo", 930, Q, "No-go")
    p.edge("Flow_NoGo", go.bottom, no_go.top, text="No-go", at=(786, R + 40))
    p.edge("Flow_RagToldOfNoGo", no_go.right, no_go_end.left)
    return p


def stabilization():
    p = Plane("SubProcess_Stabilization")
    R = 160
    s = p.event("StartEvent_Stabilization", 80, R)
    split = p.gateway("Gateway_StabilizationSplit", 160, R)
    errors = p.box("Task_FollowUpErrors", 300, R - 100, TW, TH)
    hand = p.box("Task_HandOverToOperations", 500, R - 100, TW, TH)
    risks = p.box("Task_ReviewRisksStabilization", 300, R, TW, TH)
    benefit = p.box("ServiceTask_StartBenefitFollowUp", 300, R + 100, TW, TH)
    join = p.gateway("Gateway_StabilizationJoin", 640, R)
    timer = p.event("Timer_StabilizationEnd", 720, R, "Slutt på stabilisering")
    close = p.box("Task_CloseProject", 840, R, TW, TH)
    e = p.event("EndEvent_StabilizationDone", 970, R, "Stabilisering avsluttet")
    p.edge("Flow_StabilizationStarted", s.right, split.left)
    p.edge("Flow_ToFollowUpErrors", split.top, (split.cx, errors.cy), errors.left)
    p.edge("Flow_ToReviewRisksStabilization", split.right, risks.left)
    p.edge("Flow_ToStartBenefitFollowUp", split.bottom, (split.cx, benefit.cy), benefit.left)
    p.edge("Flow_ErrorsFollowedUp", errors.right, hand.left)
    p.edge("Flow_HandedOver", hand.right, (join.cx, hand.cy), join.top)
    p.edge("Flow_RisksReviewedInStabilization", risks.right, join.left)
    p.edge("Flow_BenefitFollowUpStarted", benefit.right, (join.cx, benefit.cy), join.bottom)
    p.edge("Flow_StabilizationJoined", join.right, timer.left)
    p.edge("Flow_StabilizationOver", timer.right, close.left)
    p.edge("Flow_ProjectClosed", close.right, e.left)
    return p


def withdrawal_on_request():
    p = Plane("SubProcess_WithdrawalOnRequest")
    R = 100
    s = p.event("StartEvent_WithdrawalRequested", 80, R, "Fratreden meldt")
    t = p.box("ServiceTask_RecordWithdrawalOnRequest", 210, R, TW, TH)
    e = p.event("EndEvent_WithdrawnOnRequest", 340, R, "Kommunen har fratrådt")
    p.edge("Flow_WithdrawalRequested", s.right, t.left)
    p.edge("Flow_WithdrawalOnRequestRecorded", t.right, e.left)
    return p


def reminders():
    p = Plane("SubProcess_ServiceAgreementReminders")
    R = 120
    s = p.event("StartEvent_Reminders", 80, R)
    each = p.rect("SubProcess_Reminder", 140, R - 70, 500, 140, expanded=True)
    rs = p.event("StartEvent_Reminder", 190, R)
    timer = p.event("Timer_ServiceAgreementReminder", 280, R, "Påminnelse forfaller")
    send = p.box("ServiceTask_SendServiceAgreementReminder", 420, R, TW, TH)
    re_ = p.event("EndEvent_ReminderSent", 570, R, "Påminnelse sendt")
    e = p.event("EndEvent_AllRemindersSent", 700, R, "Alle påminnelser sendt")
    p.edge("Flow_RemindersStarted", s.right, each.left)
    p.edge("Flow_ReminderStarted", rs.right, timer.left)
    p.edge("Flow_ReminderDue", timer.right, send.left)
    p.edge("Flow_ReminderQueued", send.right, re_.left)
    p.edge("Flow_RemindersSent", each.right, e.left)
    return p


PLANES = [("BPMNDiagram_MunicipalImplementation", top_level),
          ("BPMNDiagram_PoliticalDecision", political_decision),
          ("BPMNDiagram_EarlyStart", early_start),
          ("BPMNDiagram_PreProject", pre_project),
          ("BPMNDiagram_ServiceAgreement", service_agreement),
          ("BPMNDiagram_MainProject", main_project),
          ("BPMNDiagram_GoLive", go_live),
          ("BPMNDiagram_Stabilization", stabilization),
          ("BPMNDiagram_WithdrawalOnRequest", withdrawal_on_request),
          ("BPMNDiagram_ServiceAgreementReminders", reminders)]

# Lanes: container id -> [(lane id, name, [flow node ids])]; every flow node of the container is in one lane.
RAG_TOP = ["Task_DecideAfterNoGo", "ServiceTask_MoveToLaterWaveAfterNoGo", "ServiceTask_RecordTermination",
           "EndEvent_EndedByRag"]
RAG_SERVICE_AGREEMENT = ["ServiceTask_NotifyRagDeadlineMissed", "Task_DecideMissedDeadline",
                         "Gateway_MissedDeadlineDecision", "ServiceTask_SetOutcomeEnded",
                         "EndEvent_ServiceAgreementEnded", "ServiceTask_GrantExtension",
                         "ServiceTask_MoveToLaterWaveAfterMissedDeadline"]
RAG_GO_LIVE = ["ServiceTask_NotifyRagNoGo", "EndEvent_NoGo"]
LANES = {
    "municipal-implementation": ("LaneSet_Roles", [("Lane_Municipality", "Kommunen", None),
                                                   ("Lane_Rag", "RAG", RAG_TOP)]),
    "SubProcess_ServiceAgreement": ("LaneSet_ServiceAgreementRoles", [
        ("Lane_ServiceAgreementMunicipality", "Kommunen", None),
        ("Lane_ServiceAgreementRag", "Regional arbeidsgruppe (RAG)", RAG_SERVICE_AGREEMENT)]),
    "SubProcess_GoLive": ("LaneSet_GoLiveRoles", [
        ("Lane_GoLiveMunicipality", "Kommunen", None),
        ("Lane_GoLiveRag", "Regional arbeidsgruppe (RAG)", RAG_GO_LIVE)]),
}

FLOW_NODE_TAGS = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
                  "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "userTask",
                  "serviceTask", "businessRuleTask", "scriptTask", "sendTask", "receiveTask", "manualTask", "task",
                  "callActivity", "subProcess"}


def children(container):
    nodes, flows = [], []
    for child in container:
        tag = child.tag.split("}")[1]
        if tag in FLOW_NODE_TAGS:
            nodes.append(child)
        elif tag == "sequenceFlow":
            flows.append(child)
    return nodes, flows


def main():
    text = BPMN.read_text(encoding="utf-8")
    root = ET.fromstring(text.encode("utf-8"))
    containers = {root.find("bpmn:process", NS).get("id"): root.find("bpmn:process", NS)}
    for sp in root.iter("{%s}subProcess" % NS["bpmn"]):
        containers[sp.get("id")] = sp

    planes = [(diagram_id, build()) for diagram_id, build in PLANES]
    placed = {}
    for _, plane in planes:
        for element_id in list(plane.shapes) + list(plane.edges):
            if element_id in placed:
                sys.exit(f"{element_id} is placed twice")
            placed[element_id] = plane.id
    # every flow node and flow has a place on the plane of its container (nested expanded subprocesses share it)
    missing = []
    for container_id, container in containers.items():
        nodes, flows = children(container)
        for element in nodes + flows:
            if element.get("id") not in placed:
                missing.append(element.get("id"))
    lane_ids = {lane for _, lanes in LANES.values() for lane, _, _ in lanes}
    unknown = [i for i in placed if i not in lane_ids and root.find(".//*[@id='%s']" % i) is None]
    if missing or unknown:
        sys.exit(f"no place for {missing}; placed but not in the process: {unknown}")

    # lane sets: written right after the container's documentation/extension elements
    text = re.sub(r"\s*<bpmn:laneSet id=\"[^\"]+\">.*?</bpmn:laneSet>", "", text, flags=re.S)
    for container_id, (set_id, lanes) in LANES.items():
        nodes, _ = children(containers[container_id])
        ids = [n.get("id") for n in nodes]
        assigned = {i for _, _, refs in lanes if refs for i in refs}
        assert assigned <= set(ids), assigned - set(ids)
        indent = "    " if container_id == "municipal-implementation" else "      "
        xml = [f'{indent}<bpmn:laneSet id="{set_id}">']
        for lane_id, name, refs in lanes:
            members = refs if refs is not None else [i for i in ids if i not in assigned]
            xml.append(f'{indent}  <bpmn:lane id="{lane_id}" name="{name}">')
            xml += [f"{indent}    <bpmn:flowNodeRef>{m}</bpmn:flowNodeRef>" for m in members]
            xml.append(f"{indent}  </bpmn:lane>")
        xml.append(f"{indent}</bpmn:laneSet>")
        if container_id == "municipal-implementation":
            opening = re.search(r'<bpmn:process id="municipal-implementation"[^>]*>\s*'
                                r'(<bpmn:documentation>.*?</bpmn:documentation>)?', text, flags=re.S)
        else:
            # the schema's order in a subprocess: documentation, extensionElements, incoming, outgoing, laneSet
            opening = re.search(r'<bpmn:subProcess id="%s"[^>]*>\s*(<bpmn:documentation>.*?</bpmn:documentation>)?'
                                r'(\s*<bpmn:extensionElements>.*?</bpmn:extensionElements>)?'
                                r'(\s*<bpmn:incoming>[^<]*</bpmn:incoming>)*(\s*<bpmn:outgoing>[^<]*</bpmn:outgoing>)*'
                                % container_id, text, flags=re.S)
        text = text[:opening.end()] + "\n" + "\n".join(xml) + text[opening.end():]

    text = re.sub(r"\s*<bpmndi:BPMNDiagram .*</bpmndi:BPMNDiagram>", "", text, flags=re.S)
    diagrams = "\n".join(plane.xml(diagram_id) for diagram_id, plane in planes)
    text = text.replace("</bpmn:definitions>", diagrams + "\n</bpmn:definitions>")
    BPMN.write_text(text, encoding="utf-8")
    print(f"wrote {len(planes)} diagrams, {len(placed)} shapes and edges, lanes in {len(LANES)} containers")


if __name__ == "__main__":
    main()
