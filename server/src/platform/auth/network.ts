// The IP allow-list of the security policy: CIDR networks, IPv4 and IPv6 (IPv4-mapped IPv6 addresses, as
// a dual-stack socket reports them, count as their IPv4 address).
import { BlockList, isIP } from 'node:net';

function blockListOf(networks: readonly string[]): BlockList {
  const list = new BlockList();
  for (const network of networks) {
    const [address = '', prefix] = network.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** True when a network of the list is not a valid address (the contract's pattern lets some through). */
export function invalidNetworks(networks: readonly string[]): string[] {
  return networks.filter((network) => {
    try {
      blockListOf([network]);
      return isIP(network.split('/')[0] ?? '') === 0;
    } catch {
      return true;
    }
  });
}

/** An empty list allows every address. */
export function addressAllowed(networks: readonly string[], ip: string | null): boolean {
  if (networks.length === 0) return true;
  if (!ip) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped?.[1] ?? ip;
  const type = isIP(address);
  if (type === 0) return false;
  return blockListOf(networks).check(address, type === 6 ? 'ipv6' : 'ipv4');
}
