/** Pure mapping of the meeting forms to the API shapes. No I/O. */

export interface ExternalParticipant {
  name: string;
  role: string;
}

/** Team members by id, then external participants by name and role (empty rows left out). */
export function meetingParticipants(userIds: readonly string[], externals: readonly ExternalParticipant[]) {
  return [
    ...userIds.map((userId) => ({ userId })),
    ...externals.filter((e) => e.name.trim() || e.role.trim()).map((e) => ({ name: e.name, role: e.role })),
  ];
}
