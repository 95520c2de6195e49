// Pre-filled text of a 举一反三 notice and a 专项巡察 proposal, drafted from the cluster's findings; the office
// edits it before saving. Pure: no database.

interface Member {
  title: string;
  unitName: string;
}

const MAX_LISTED = 8;

function listed(members: readonly Member[]): string {
  const lines = members.slice(0, MAX_LISTED).map((m, i) => `${i + 1}. ${m.unitName}：${m.title}`);
  if (members.length > MAX_LISTED) lines.push(`……等共 ${members.length} 个问题`);
  return lines.join('\n');
}

export function noticeDraft(label: string, members: readonly Member[], unitCount: number) {
  return {
    title: `关于对照“${label}”等共性问题开展举一反三自查自纠的通知`,
    body: [
      `近年来巡察发现，${unitCount} 个单位不同程度存在“${label}”方面的共性问题，具体如下：`,
      listed(members),
      '请各单位党组织切实履行主体责任，对照上述问题举一反三、自查自纠，建立问题清单和整改台账，' +
        '于收到本通知之日起 30 日内将自查整改情况书面报送区委巡察办。',
    ].join('\n'),
  };
}

export function proposalDraft(label: string, members: readonly Member[], unitCount: number) {
  return {
    title: `关于开展“${label}”问题专项巡察的建议`,
    reason: [
      `巡察发现 ${unitCount} 个单位存在“${label}”方面的共性问题（共 ${members.length} 个），` +
        '反映出该领域制度执行和监督管理存在系统性薄弱环节，建议开展专项巡察，深挖问题根源、推动系统治理。',
      '典型问题：',
      listed(members),
    ].join('\n'),
  };
}
