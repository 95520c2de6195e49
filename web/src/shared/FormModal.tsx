import { type FormInstance, Modal, type ModalProps } from 'antd';

type Props = Omit<ModalProps, 'open' | 'onOk' | 'onCancel' | 'confirmLoading'> & {
  /** the form inside: OK submits it, so its own validation and onFinish decide what happens */
  form: FormInstance;
  loading: boolean;
  onClose: () => void;
};

/** The dialog every create/edit form uses: OK (default 保存) submits the form, cancel closes. */
export function FormModal({ form, loading, onClose, okText = '保存', children, ...modal }: Props) {
  return (
    <Modal open okText={okText} onOk={() => form.submit()} onCancel={onClose} confirmLoading={loading} {...modal}>
      {children}
    </Modal>
  );
}
