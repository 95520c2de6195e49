// The sealed parts of a clue, as JSON inside clue.content_sealed and clue.whistleblower_sealed.
// Only code that has already passed clueContentWhere may open them (clue and handover services).

export interface ClueContent {
  subjectName: string;
  subjectPost: string;
  allegation: string;
  evidence: string | null;
}

export interface WhistleblowerIdentity {
  name: string;
  contact: string | null;
  note: string | null;
}
